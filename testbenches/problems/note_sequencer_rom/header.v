module TopModule (
  input clk,
  input reset,
  input step,
  input restart,
  output reg [3:0] note,
  output rest,
  output reg [2:0] pos
);
