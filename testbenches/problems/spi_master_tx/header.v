module TopModule (
  input clk,
  input rst_n,
  input start,
  input [7:0] data,
  output reg sclk,
  output reg mosi,
  output reg cs_n,
  output reg done
);
