module RefModule (
  input [15:0] a,
  input [15:0] b,
  output [15:0] sum,
  output [15:0] checksum
);
  wire [16:0] t = a + b;
  assign sum = t[15:0] + t[16];
  assign checksum = ~sum;
endmodule
