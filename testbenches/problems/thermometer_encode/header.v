module TopModule (
  input [3:0] n,
  output [14:0] therm
);
