module TopModule (
  input [7:0] dividend,
  input [3:0] divisor,
  output reg [7:0] quotient,
  output reg [3:0] remainder,
  output div_zero
);
