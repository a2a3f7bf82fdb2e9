module TopModule (
  input clk,
  input resetn,
  input in,
  output alarm,
  output reg [1:0] run
);
