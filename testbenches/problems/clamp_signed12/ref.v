module RefModule (
  input [11:0] x,
  input [11:0] lo,
  input [11:0] hi,
  output [11:0] y,
  output low_hit,
  output high_hit
);
  assign low_hit = $signed(x) < $signed(lo);
  assign high_hit = !low_hit && $signed(x) > $signed(hi);
  assign y = low_hit ? lo : high_hit ? hi : x;
endmodule
