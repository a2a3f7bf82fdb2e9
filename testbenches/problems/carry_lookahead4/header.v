module TopModule (
  input [3:0] a,
  input [3:0] b,
  input cin,
  output [3:0] sum,
  output cout,
  output group_p,
  output group_g
);
