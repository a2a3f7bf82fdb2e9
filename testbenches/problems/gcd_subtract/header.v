module TopModule (
  input clk,
  input reset,
  input start,
  input [7:0] a,
  input [7:0] b,
  output reg busy,
  output reg done,
  output reg [7:0] result
);
