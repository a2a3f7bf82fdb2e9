module TopModule (
  input [15:0] data,
  input rev,
  output reg [15:0] out
);
