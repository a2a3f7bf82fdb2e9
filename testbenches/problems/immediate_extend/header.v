module TopModule (
  input [11:0] imm,
  input [1:0] fmt,
  output reg [31:0] ext
);
