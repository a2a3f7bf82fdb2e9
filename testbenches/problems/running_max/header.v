module TopModule (
  input clk,
  input rst_n,
  input sample_valid,
  input [7:0] sample,
  output reg [7:0] max,
  output reg [7:0] count,
  output new_max
);
