module TopModule (
  input clk,
  input reset,
  input we,
  input [3:0] be,
  input [31:0] d,
  output reg [31:0] q
);
