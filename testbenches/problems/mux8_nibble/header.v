module TopModule (
  input [31:0] bus,
  input [2:0] sel,
  output [3:0] y
);
