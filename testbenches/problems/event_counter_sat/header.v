module TopModule (
  input clk,
  input reset,
  input ev,
  output reg [3:0] count,
  output full
);
