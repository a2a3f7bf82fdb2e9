module RefModule (
  input [7:0] a,
  input [7:0] b,
  output [7:0] sum,
  output cout
);
  wire [4:0] lo = a[3:0] + b[3:0];
  wire c1 = lo > 5'd9;
  wire [3:0] s0 = c1 ? lo - 5'd10 : lo[3:0];
  wire [4:0] hi = a[7:4] + b[7:4] + c1;
  assign cout = hi > 5'd9;
  wire [3:0] s1 = cout ? hi - 5'd10 : hi[3:0];
  assign sum = {s1, s0};
endmodule
