module TopModule (
  input clk,
  input reset,
  input sig,
  output reg [7:0] period,
  output reg valid
);
