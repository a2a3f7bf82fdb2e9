module TopModule (
  input clk,
  input areset,
  input [7:0] t,
  input set_all,
  output reg [7:0] q
);
