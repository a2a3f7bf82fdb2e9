module TopModule (
  input clk,
  input areset,
  input set_en,
  input [3:0] set_idx,
  input clr_en,
  input [3:0] clr_idx,
  input [3:0] qa,
  input [3:0] qb,
  output busy_a,
  output busy_b,
  output any_busy,
  output reg [15:0] bits
);
