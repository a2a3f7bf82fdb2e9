module TopModule (
  input [7:0] din,
  input [1:0] sel,
  input en,
  output reg [31:0] out
);
