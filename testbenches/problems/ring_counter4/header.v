module TopModule (
  input clk,
  input areset,
  input en,
  input dir,
  output reg [3:0] q
);
