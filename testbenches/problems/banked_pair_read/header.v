module TopModule (
  input clk,
  input areset,
  input we,
  input [3:0] waddr,
  input [7:0] wdata,
  input [3:0] raddr,
  output [7:0] lo,
  output [7:0] hi
);
