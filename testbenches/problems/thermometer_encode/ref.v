module RefModule (
  input [3:0] n,
  output [14:0] therm
);
  assign therm = (15'd1 << n) - 15'd1;
endmodule
