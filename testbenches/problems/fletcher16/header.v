module TopModule (
  input clk,
  input rst_n,
  input init,
  input valid,
  input [7:0] d,
  output [15:0] checksum
);
