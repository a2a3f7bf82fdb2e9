module TopModule (
  input clk,
  input reset,
  input kick,
  output reg bark,
  output reg [6:0] count
);
