module RefModule (
  input [7:0] a,
  input [7:0] b,
  input sub,
  output [7:0] result,
  output carry,
  output overflow,
  output zero,
  output negative
);
  wire [7:0] bb = sub ? ~b : b;
  assign {carry, result} = a + bb + sub;
  assign overflow = (a[7] == bb[7]) && (result[7] != a[7]);
  assign zero = result == 8'd0;
  assign negative = result[7];
endmodule
