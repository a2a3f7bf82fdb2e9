module TopModule (
  input clk,
  input reset,
  input noisy,
  output reg clean
);
