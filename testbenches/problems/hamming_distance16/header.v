module TopModule (
  input [15:0] a,
  input [15:0] b,
  output reg [4:0] distance,
  output same,
  output close
);
