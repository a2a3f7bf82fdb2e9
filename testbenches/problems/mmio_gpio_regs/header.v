module TopModule (
  input clk,
  input areset,
  input wr,
  input [1:0] addr,
  input [7:0] wdata,
  input [7:0] pins_in,
  output reg [7:0] rdata,
  output [7:0] pins_out
);
