module TopModule (
  input clk,
  input reset,
  input access,
  input [1:0] way,
  output [1:0] victim,
  output [2:0] state
);
