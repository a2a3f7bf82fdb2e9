module TopModule (
  input [7:0] gray,
  output reg [7:0] bin
);
