module TopModule (
  input [2:0] sel,
  input en_n,
  output [7:0] y
);
