module TopModule (
  input clk,
  input reset,
  input shift,
  input sin,
  output reg [7:0] q,
  output reg full
);
