module TopModule (
  input [7:0] bin,
  output [11:0] bcd
);
