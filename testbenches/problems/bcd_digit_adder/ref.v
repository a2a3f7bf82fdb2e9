module RefModule (
  input [3:0] a,
  input [3:0] b,
  input cin,
  output [3:0] sum,
  output cout
);
  wire [4:0] t = a + b + cin;
  assign cout = t > 5'd9;
  assign sum = cout ? t - 5'd10 : t[3:0];
endmodule
