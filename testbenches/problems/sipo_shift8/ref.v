module RefModule (
  input clk,
  input reset,
  input shift,
  input sin,
  output reg [7:0] q,
  output reg full
);
  reg [2:0] n;
  always @(posedge clk) begin
    if (reset) begin
      q <= 8'd0;
      n <= 3'd0;
      full <= 1'b0;
    end else if (shift) begin
      q <= {q[6:0], sin};
      n <= n + 3'd1;
      if (n == 3'd7) full <= 1'b1;
    end
  end
endmodule
