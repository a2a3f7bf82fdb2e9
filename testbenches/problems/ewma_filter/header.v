module TopModule (
  input clk,
  input reset,
  input valid,
  input load,
  input [7:0] x,
  output reg [7:0] avg
);
