module TopModule (
  input clk,
  input rst_n,
  input load,
  input shift,
  input [7:0] din,
  output sout,
  output empty
);
