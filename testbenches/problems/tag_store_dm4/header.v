module TopModule (
  input clk,
  input reset,
  input [7:0] addr,
  input fill,
  input flush,
  output hit,
  output [3:0] valid_bits
);
