module TopModule (
  input [7:0] pending,
  input [7:0] mask,
  output reg [2:0] id,
  output irq
);
