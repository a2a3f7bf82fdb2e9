module TopModule (
  input clk,
  input reset,
  input valid,
  input [7:0] din,
  output [9:0] sum
);
