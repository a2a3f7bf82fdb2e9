module TopModule (
  input [7:0] a,
  input [7:0] b,
  output reg [7:0] y,
  output reg ovf
);
