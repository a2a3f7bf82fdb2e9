module TopModule (
  input clk,
  input rst_n,
  input en,
  input [7:0] din,
  input [2:0] delay,
  output [7:0] dout
);
