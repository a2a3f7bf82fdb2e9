module TopModule (
  input clk,
  input reset,
  input wr,
  input [1:0] addr,
  input [7:0] wdata,
  output reg [7:0] rdata
);
