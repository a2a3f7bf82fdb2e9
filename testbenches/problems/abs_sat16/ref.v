module RefModule (
  input [15:0] x,
  output [15:0] y,
  output sat
);
  assign sat = x == 16'h8000;
  assign y = sat ? 16'h7fff : (x[15] ? -x : x);
endmodule
