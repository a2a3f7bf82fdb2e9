module TopModule (
  input clk,
  input areset,
  input x,
  output reg [7:0] count,
  output hit
);
