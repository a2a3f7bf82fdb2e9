module TopModule (
  input clk,
  input reset,
  input en,
  output reg [4:0] q
);
