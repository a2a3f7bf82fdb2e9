module TopModule (
  input [15:0] x,
  output reg [3:0] log2,
  output is_pow2,
  output zero
);
