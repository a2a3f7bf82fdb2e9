module TopModule (
  input [31:0] data,
  input [1:0] mode,
  output reg [31:0] out
);
