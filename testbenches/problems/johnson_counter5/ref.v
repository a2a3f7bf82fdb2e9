module RefModule (
  input clk,
  input reset,
  input en,
  output reg [4:0] q
);
  always @(posedge clk) begin
    if (reset) q <= 5'd0;
    else if (en) q <= {q[3:0], ~q[4]};
  end
endmodule
