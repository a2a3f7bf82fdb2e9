module TopModule (
  input clk,
  input reset,
  input valid,
  input clear,
  input [7:0] sample,
  input [1:0] rbin,
  output [7:0] count,
  output reg [1:0] max_bin
);
