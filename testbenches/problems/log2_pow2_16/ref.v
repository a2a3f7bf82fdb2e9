module RefModule (
  input [15:0] x,
  output reg [3:0] log2,
  output is_pow2,
  output zero
);
  integer i;
  always @* begin
    log2 = 4'd0;
    for (i = 0; i < 16; i = i + 1)
      if (x[i]) log2 = i;
  end
  assign zero = x == 16'd0;
  assign is_pow2 = !zero && ((x & (x - 16'd1)) == 16'd0);
endmodule
