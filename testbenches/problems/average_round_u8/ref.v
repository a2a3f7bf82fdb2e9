module RefModule (
  input [7:0] a,
  input [7:0] b,
  output [7:0] avg,
  output [7:0] floor_avg
);
  wire [8:0] s = a + b;
  wire [8:0] r = s + 9'd1;
  assign avg = r[8:1];
  assign floor_avg = s[8:1];
endmodule
