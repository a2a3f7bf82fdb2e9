module TopModule (
  input clk,
  input reset,
  input valid,
  input [7:0] din,
  output dup,
  output reg [2:0] stored
);
