module TopModule (
  input clk,
  input reset,
  input wr,
  input inv,
  input [2:0] widx,
  input [7:0] wkey,
  input [7:0] skey,
  output reg hit,
  output reg [2:0] idx
);
