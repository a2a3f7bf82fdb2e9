module TopModule (
  input [11:0] x,
  output [2:0] r,
  output div7
);
