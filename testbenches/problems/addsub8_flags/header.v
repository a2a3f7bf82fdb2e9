module TopModule (
  input [7:0] a,
  input [7:0] b,
  input sub,
  output [7:0] result,
  output carry,
  output overflow,
  output zero,
  output negative
);
