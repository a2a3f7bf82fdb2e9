module RefModule (
  input [2:0] sel,
  input en_n,
  output [7:0] y
);
  assign y = en_n ? 8'd0 : (8'd1 << sel);
endmodule
