module TopModule (
  input [15:0] a,
  input [15:0] b,
  output [9:0] dot
);
