module RefModule (
  input clk,
  input reset,
  input btn,
  output reg short_press,
  output reg long_press
);
  reg [3:0] held;
  always @(posedge clk) begin
    if (reset) begin
      held <= 4'd0;
      short_press <= 1'b0;
      long_press <= 1'b0;
    end else if (btn) begin
      if (held != 4'd15) held <= held + 4'd1;
      short_press <= 1'b0;
      long_press <= 1'b0;
    end else begin
      short_press <= held != 4'd0 && held < 4'd8;
      long_press <= held >= 4'd8;
      held <= 4'd0;
    end
  end
endmodule
