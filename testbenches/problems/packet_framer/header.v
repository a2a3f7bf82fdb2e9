module TopModule (
  input clk,
  input reset,
  input in_valid,
  input [7:0] in_data,
  output reg out_valid,
  output reg [7:0] out_data,
  output reg out_last
);
