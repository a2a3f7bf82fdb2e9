module RefModule (
  input clk,
  input reset,
  input x,
  output z
);
  reg seen;
  always @(posedge clk) begin
    if (reset) seen <= 1'b0;
    else if (x) seen <= 1'b1;
  end
  assign z = seen ? ~x : x;
endmodule
