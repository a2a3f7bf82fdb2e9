module TopModule (
  input clk,
  input reset,
  input en,
  input [7:0] din,
  output [7:0] dout,
  output [7:0] tap2
);
