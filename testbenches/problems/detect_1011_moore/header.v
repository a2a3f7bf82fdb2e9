module TopModule (
  input clk,
  input reset,
  input din,
  output found
);
