module TopModule (
  input clk,
  input reset,
  input din,
  input in_valid,
  output in_ready,
  output reg out_bit,
  output reg out_valid
);
