module TopModule (
  input clk,
  input reset,
  input we,
  input [2:0] waddr,
  input [7:0] wdata,
  input [2:0] raddr1,
  input [2:0] raddr2,
  output [7:0] rdata1,
  output [7:0] rdata2
);
