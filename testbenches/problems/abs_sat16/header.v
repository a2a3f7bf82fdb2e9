module TopModule (
  input [15:0] x,
  output [15:0] y,
  output sat
);
