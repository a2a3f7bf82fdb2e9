module RefModule (
  input clk,
  input reset,
  input [7:0] duty,
  output pwm,
  output period_start
);
  reg [7:0] cnt;
  reg [7:0] thr;
  always @(posedge clk) begin
    if (reset) begin
      cnt <= 8'd0;
      thr <= duty;
    end else begin
      cnt <= cnt + 8'd1;
      if (cnt == 8'd255) thr <= duty;
    end
  end
  assign pwm = cnt < thr;
  assign period_start = cnt == 8'd0;
endmodule
