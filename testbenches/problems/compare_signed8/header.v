module TopModule (
  input [7:0] a,
  input [7:0] b,
  output lt,
  output eq,
  output gt
);
