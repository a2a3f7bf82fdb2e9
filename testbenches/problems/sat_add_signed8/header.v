module TopModule (
  input [7:0] a,
  input [7:0] b,
  output reg [7:0] sum,
  output reg sat
);
