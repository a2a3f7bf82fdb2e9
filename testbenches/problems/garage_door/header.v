module TopModule (
  input clk,
  input rst_n,
  input button,
  input top,
  input bottom,
  input obstacle,
  output reg [2:0] state,
  output motor_up,
  output motor_down
);
