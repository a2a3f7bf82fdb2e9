module TopModule (
  input [6:0] code,
  output [3:0] d,
  output [2:0] syndrome,
  output error
);
