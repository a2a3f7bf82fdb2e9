module TopModule (
  input clk,
  input resetn,
  input need,
  input gnt,
  input clear,
  output reg [1:0] state,
  output req,
  output error
);
