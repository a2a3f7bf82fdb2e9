module TopModule (
  input clk,
  input reset,
  input a,
  input b,
  output s,
  output cout
);
