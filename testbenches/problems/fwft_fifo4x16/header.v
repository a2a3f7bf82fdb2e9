module TopModule (
  input clk,
  input areset,
  input wr_en,
  input rd_en,
  input [15:0] din,
  output [15:0] dout,
  output valid,
  output full
);
