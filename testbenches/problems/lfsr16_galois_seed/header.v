module TopModule (
  input clk,
  input areset,
  input seed_load,
  input [15:0] seed,
  output reg [15:0] state
);
