module TopModule (
  input [7:0] bcd,
  output reg [6:0] bin,
  output reg invalid
);
