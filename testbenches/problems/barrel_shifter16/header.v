module TopModule (
  input [15:0] data,
  input [3:0] sh,
  input [1:0] op,
  output reg [15:0] out
);
