module TopModule (
  input clk,
  input reset,
  input push,
  input pop,
  input [7:0] din,
  output reg [7:0] dout,
  output full,
  output empty,
  output reg [3:0] count
);
