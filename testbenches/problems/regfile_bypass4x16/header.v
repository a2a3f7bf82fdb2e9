module TopModule (
  input clk,
  input rst_n,
  input we,
  input [1:0] waddr,
  input [15:0] wdata,
  input [1:0] raddr,
  output reg [15:0] rdata
);
