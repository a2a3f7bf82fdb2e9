module TopModule (
  input clk,
  input reset,
  input alloc,
  input free,
  input [2:0] free_idx,
  output avail,
  output reg [2:0] slot,
  output reg [7:0] used
);
