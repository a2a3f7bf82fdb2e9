module TopModule (
  input clk,
  input we,
  input [4:0] waddr,
  input [7:0] wdata,
  input re,
  input [4:0] raddr,
  output reg [7:0] rdata
);
