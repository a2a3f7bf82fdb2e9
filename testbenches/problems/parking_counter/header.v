module TopModule (
  input clk,
  input reset,
  input a,
  input b,
  output reg [3:0] count
);
