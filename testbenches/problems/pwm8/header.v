module TopModule (
  input clk,
  input reset,
  input [7:0] duty,
  output pwm,
  output period_start
);
