module TopModule (
  input clk,
  input reset,
  input en,
  output [7:0] out
);
