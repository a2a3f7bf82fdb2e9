module TopModule (
  input clk,
  input reset,
  input we,
  input [1:0] waddr,
  input [7:0] wdata,
  input commit,
  input [1:0] raddr,
  output [7:0] active_data,
  output [7:0] shadow_data,
  output pending
);
