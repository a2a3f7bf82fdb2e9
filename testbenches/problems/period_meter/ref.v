module RefModule (
  input clk,
  input reset,
  input sig,
  output reg [7:0] period,
  output reg valid
);
  reg prev;
  reg [7:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      prev <= 1'b0;
      cnt <= 8'd0;
      period <= 8'd0;
      valid <= 1'b0;
    end else begin
      prev <= sig;
      if (sig && !prev) begin
        period <= (cnt == 8'd255) ? 8'd255 : cnt + 8'd1;
        cnt <= 8'd0;
        valid <= 1'b1;
      end else if (cnt != 8'd255) cnt <= cnt + 8'd1;
    end
  end
endmodule
