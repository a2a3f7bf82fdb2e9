module TopModule (
  input clk,
  input reset,
  input start,
  input full,
  input abort,
  output reg [2:0] phase,
  output motor,
  output valve
);
