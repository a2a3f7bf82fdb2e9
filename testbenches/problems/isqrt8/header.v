module TopModule (
  input [7:0] x,
  output reg [3:0] root,
  output exact
);
