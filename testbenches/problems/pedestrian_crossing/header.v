module TopModule (
  input clk,
  input areset,
  input button,
  output car_green,
  output car_amber,
  output car_red,
  output walk
);
