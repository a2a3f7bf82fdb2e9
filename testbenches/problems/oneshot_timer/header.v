module TopModule (
  input clk,
  input rst_n,
  input start,
  input [5:0] len,
  output reg busy,
  output reg done,
  output reg [5:0] remaining
);
