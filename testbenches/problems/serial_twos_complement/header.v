module TopModule (
  input clk,
  input reset,
  input x,
  output z
);
