module RefModule (
  input clk,
  input reset,
  output reg clk_out,
  output reg rise_pulse
);
  reg [1:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      cnt <= 2'd0;
      clk_out <= 1'b0;
      rise_pulse <= 1'b0;
    end else if (cnt == 2'd2) begin
      cnt <= 2'd0;
      clk_out <= ~clk_out;
      rise_pulse <= ~clk_out;
    end else begin
      cnt <= cnt + 2'd1;
      rise_pulse <= 1'b0;
    end
  end
endmodule
