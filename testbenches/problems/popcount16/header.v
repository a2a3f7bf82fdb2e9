module TopModule (
  input [15:0] data,
  output reg [4:0] count
);
