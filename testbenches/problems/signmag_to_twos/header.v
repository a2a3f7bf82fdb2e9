module TopModule (
  input [7:0] sm,
  output [7:0] twos,
  output neg_zero
);
