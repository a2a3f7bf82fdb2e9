module TopModule (
  input clk,
  input reset,
  input clear,
  input en,
  input [7:0] din,
  output reg [15:0] acc,
  output reg wrapped
);
