module RefModule (
  input clk,
  input reset,
  output reg q
);
  always @(posedge clk)
    if (reset) q <= 1'b0;
    else q <= ~q;
endmodule
