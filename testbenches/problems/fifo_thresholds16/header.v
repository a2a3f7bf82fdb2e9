module TopModule (
  input clk,
  input resetn,
  input wr,
  input rd,
  input [3:0] din,
  output reg [3:0] dout,
  output reg [4:0] level,
  output empty,
  output full,
  output almost_empty,
  output almost_full
);
