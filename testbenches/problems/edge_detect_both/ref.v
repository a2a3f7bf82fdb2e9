module RefModule (
  input clk,
  input reset,
  input in,
  output rise,
  output fall,
  output toggle
);
  reg prev;
  always @(posedge clk) begin
    if (reset) prev <= 1'b0;
    else prev <= in;
  end
  assign rise = in & ~prev;
  assign fall = ~in & prev;
  assign toggle = rise | fall;
endmodule
