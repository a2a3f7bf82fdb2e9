module TopModule (
  input [7:0] data,
  input [2:0] amt,
  input left,
  output reg [7:0] out
);
