module RefModule (
  input [15:0] a,
  input [15:0] b,
  output [9:0] dot
);
  assign dot = a[3:0] * b[3:0] + a[7:4] * b[7:4] + a[11:8] * b[11:8] + a[15:12] * b[15:12];
endmodule
