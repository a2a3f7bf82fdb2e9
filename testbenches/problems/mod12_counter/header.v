module TopModule (
  input clk,
  input rst_n,
  output reg [3:0] count,
  output tc
);
