module TopModule (
  input [15:0] a,
  input [15:0] b,
  input bin,
  output [15:0] diff,
  output bout,
  output lt_signed
);
