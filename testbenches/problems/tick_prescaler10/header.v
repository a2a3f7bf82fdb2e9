module TopModule (
  input clk,
  input rst_n,
  input en,
  output tick
);
