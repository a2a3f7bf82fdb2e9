module TopModule (
  input clk,
  input rst_n,
  input we,
  input [1:0] waddr,
  input [7:0] wdata,
  input swap,
  input [1:0] raddr,
  output [7:0] rdata,
  output reg bank
);
