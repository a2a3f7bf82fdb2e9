module TopModule (
  input clk,
  input reset,
  input [1:0] coin,
  output reg dispense,
  output reg [4:0] change,
  output [4:0] credit
);
