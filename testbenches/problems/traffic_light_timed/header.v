module TopModule (
  input clk,
  input reset,
  output reg [2:0] ns,
  output reg [2:0] ew
);
