module TopModule (
  input clk,
  input areset,
  input valid,
  input [7:0] x,
  output reg [11:0] acc,
  output at_limit
);
