module TopModule (
  input clk,
  input reset,
  input clear,
  input en,
  input [7:0] a,
  input [7:0] b,
  output reg [19:0] acc
);
