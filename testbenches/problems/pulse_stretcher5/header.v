module TopModule (
  input clk,
  input areset,
  input trigger,
  output out
);
