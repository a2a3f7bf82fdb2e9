module TopModule (
  input clk,
  input rst_n,
  input put,
  input take,
  input [7:0] din,
  output reg [7:0] data,
  output reg full,
  output reg overflow
);
