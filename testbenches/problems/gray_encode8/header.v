module TopModule (
  input [7:0] bin,
  output [7:0] gray
);
