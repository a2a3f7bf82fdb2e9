module RefModule (
  input [3:0] a,
  input [3:0] b,
  input cin,
  output [3:0] sum,
  output cout,
  output group_p,
  output group_g
);
  wire [3:0] g = a & b;
  wire [3:0] p = a ^ b;
  wire [4:0] c;
  assign c[0] = cin;
  assign c[1] = g[0] | (p[0] & c[0]);
  assign c[2] = g[1] | (p[1] & c[1]);
  assign c[3] = g[2] | (p[2] & c[2]);
  assign c[4] = g[3] | (p[3] & c[3]);
  assign sum = p ^ c[3:0];
  assign cout = c[4];
  assign group_p = &p;
  assign group_g = g[3] | (p[3] & g[2]) | (p[3] & p[2] & g[1]) | (p[3] & p[2] & p[1] & g[0]);
endmodule
