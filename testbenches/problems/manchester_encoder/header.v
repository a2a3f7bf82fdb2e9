module TopModule (
  input clk,
  input reset,
  input din,
  output reg out,
  output reg half
);
