module TopModule (
  input clk,
  input reset,
  input scl,
  input sda,
  output reg start,
  output reg stop,
  output reg busy
);
