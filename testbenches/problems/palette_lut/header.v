module TopModule (
  input clk,
  input reset,
  input wr,
  input [1:0] widx,
  input [11:0] wcolor,
  input [1:0] pixel,
  input blank,
  output reg [11:0] rgb
);
