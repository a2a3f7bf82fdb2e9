module TopModule (
  input clk,
  input reset,
  input we_a,
  input [1:0] waddr_a,
  input [7:0] wdata_a,
  input we_b,
  input [1:0] waddr_b,
  input [7:0] wdata_b,
  input [1:0] raddr,
  output [7:0] rdata,
  output conflict
);
