module RefModule (
  input [7:0] sm,
  output [7:0] twos,
  output neg_zero
);
  assign twos = sm[7] ? -{1'b0, sm[6:0]} : {1'b0, sm[6:0]};
  assign neg_zero = sm == 8'h80;
endmodule
