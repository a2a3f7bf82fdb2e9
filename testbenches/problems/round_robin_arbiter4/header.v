module TopModule (
  input clk,
  input reset,
  input [3:0] req,
  output reg [3:0] grant
);
