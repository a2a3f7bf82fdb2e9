module RefModule (
  input [11:0] x,
  output [2:0] r,
  output div7
);
  assign r = x % 12'd7;
  assign div7 = r == 3'd0;
endmodule
