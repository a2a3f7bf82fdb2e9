module TopModule (
  input clk,
  input reset,
  input push,
  input pop,
  input [7:0] din,
  output [7:0] top,
  output reg [3:0] depth,
  output reg error
);
