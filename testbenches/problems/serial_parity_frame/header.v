module TopModule (
  input clk,
  input reset,
  input sof,
  input bit_valid,
  input bit_in,
  output reg parity,
  output reg [3:0] count
);
