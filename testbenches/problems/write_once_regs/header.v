module TopModule (
  input clk,
  input reset,
  input we,
  input [1:0] addr,
  input [7:0] wdata,
  input [1:0] raddr,
  output [7:0] rdata,
  output reg [3:0] locked,
  output reg violation
);
