module TopModule (
  input clk,
  input reset,
  input din,
  output div3,
  output reg [1:0] rem
);
