module TopModule (
  input clk,
  input rst_n,
  input x,
  output z
);
