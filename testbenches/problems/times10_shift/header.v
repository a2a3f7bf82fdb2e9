module TopModule (
  input [7:0] x,
  output [11:0] y10,
  output [9:0] y3
);
