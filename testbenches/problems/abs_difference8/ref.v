module RefModule (
  input [7:0] a,
  input [7:0] b,
  output [7:0] diff,
  output a_smaller
);
  assign a_smaller = a < b;
  assign diff = a_smaller ? b - a : a - b;
endmodule
