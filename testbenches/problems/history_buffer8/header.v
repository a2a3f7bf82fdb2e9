module TopModule (
  input clk,
  input reset,
  input wr,
  input [7:0] din,
  input [2:0] age,
  output [7:0] dout
);
