module RefModule (
  input clk,
  input reset,
  input we,
  input [3:0] be,
  input [31:0] d,
  output reg [31:0] q
);
  integer k;
  always @(posedge clk) begin
    if (reset) q <= 32'hDEADBEEF;
    else if (we)
      for (k = 0; k < 4; k = k + 1)
        if (be[k]) q[8 * k +: 8] <= d[8 * k +: 8];
  end
endmodule
