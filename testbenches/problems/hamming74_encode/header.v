module TopModule (
  input [3:0] d,
  output [6:0] code
);
