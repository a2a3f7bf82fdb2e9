module TopModule (
  input clk,
  input resetn,
  input send,
  input [7:0] din,
  input ack,
  output req,
  output ready,
  output reg [7:0] dout
);
