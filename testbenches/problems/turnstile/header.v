module TopModule (
  input clk,
  input areset,
  input coin,
  input push,
  input service,
  output locked,
  output alarm,
  output reg [7:0] coins
);
