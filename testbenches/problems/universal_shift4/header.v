module TopModule (
  input clk,
  input rst_n,
  input [1:0] mode,
  input sr_in,
  input sl_in,
  input [3:0] d,
  output reg [3:0] q
);
