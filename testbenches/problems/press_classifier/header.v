module TopModule (
  input clk,
  input reset,
  input btn,
  output reg short_press,
  output reg long_press
);
