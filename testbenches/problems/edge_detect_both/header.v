module TopModule (
  input clk,
  input reset,
  input in,
  output rise,
  output fall,
  output toggle
);
