module RefModule (
  input clk,
  input reset,
  input noisy,
  output reg clean
);
  reg [2:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      clean <= 1'b0;
      cnt <= 3'd0;
    end else if (noisy == clean) cnt <= 3'd0;
    else if (cnt == 3'd3) begin
      clean <= noisy;
      cnt <= 3'd0;
    end else cnt <= cnt + 3'd1;
  end
endmodule
