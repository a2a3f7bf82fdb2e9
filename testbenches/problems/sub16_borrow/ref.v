module RefModule (
  input [15:0] a,
  input [15:0] b,
  input bin,
  output [15:0] diff,
  output bout,
  output lt_signed
);
  wire [16:0] t = {1'b0, a} - {1'b0, b} - bin;
  assign diff = t[15:0];
  assign bout = t[16];
  assign lt_signed = $signed(a) < $signed(b);
endmodule
