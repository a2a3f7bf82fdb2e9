module RefModule (
  input [7:0] x,
  output [11:0] y10,
  output [9:0] y3
);
  assign y10 = ({4'd0, x} << 3) + ({4'd0, x} << 1);
  assign y3 = ({2'd0, x} << 1) + {2'd0, x};
endmodule
