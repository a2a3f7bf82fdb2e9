module TopModule (
  input clk,
  input reset,
  input [3:0] idx,
  output reg [7:0] value,
  output at_peak
);
