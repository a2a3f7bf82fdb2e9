module TopModule (
  input clk,
  input reset,
  input we,
  input [3:0] addr,
  input [3:0] din,
  input [3:0] raddr,
  output [3:0] dout,
  output reg busy
);
