module TopModule (
  input clk,
  input rst_n,
  input [7:0] temp,
  output reg [1:0] speed,
  output overheat
);
