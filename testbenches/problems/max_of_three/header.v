module TopModule (
  input [7:0] a,
  input [7:0] b,
  input [7:0] c,
  output reg [7:0] max,
  output reg [1:0] which
);
