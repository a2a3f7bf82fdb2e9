module RefModule (
  input [7:0] a,
  input [7:0] b,
  output [7:0] diff,
  output clipped
);
  assign clipped = a < b;
  assign diff = clipped ? 8'd0 : a - b;
endmodule
