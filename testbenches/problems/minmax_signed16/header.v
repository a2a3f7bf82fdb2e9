module TopModule (
  input [15:0] a,
  input [15:0] b,
  output [15:0] min,
  output [15:0] max,
  output swapped
);
