module TopModule (
  input clk,
  input reset,
  input we,
  input [3:0] be,
  input [2:0] addr,
  input [31:0] wdata,
  output reg [31:0] rdata
);
