module RefModule (
  input [15:0] a,
  input [15:0] b,
  output [15:0] min,
  output [15:0] max,
  output swapped
);
  assign swapped = $signed(b) < $signed(a);
  assign min = swapped ? b : a;
  assign max = swapped ? a : b;
endmodule
