module TopModule (
  input clk,
  input rst_n,
  input key_valid,
  input [3:0] key,
  input lock,
  output reg unlocked,
  output reg [1:0] progress
);
