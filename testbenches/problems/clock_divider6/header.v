module TopModule (
  input clk,
  input reset,
  output reg clk_out,
  output reg rise_pulse
);
