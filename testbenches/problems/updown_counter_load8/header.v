module TopModule (
  input clk,
  input reset,
  input load,
  input [7:0] d,
  input en,
  input up,
  output reg [7:0] count
);
