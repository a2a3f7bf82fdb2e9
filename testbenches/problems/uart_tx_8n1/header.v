module TopModule (
  input clk,
  input rst_n,
  input start,
  input [7:0] data,
  output reg tx,
  output busy
);
