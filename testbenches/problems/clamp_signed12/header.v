module TopModule (
  input [11:0] x,
  input [11:0] lo,
  input [11:0] hi,
  output [11:0] y,
  output low_hit,
  output high_hit
);
