module TopModule (
  input clk,
  input reset,
  input en,
  output reg [3:0] gray
);
