module RefModule (
  input clk,
  input reset,
  input din,
  input in_valid,
  output in_ready,
  output reg out_bit,
  output reg out_valid
);
  reg [2:0] ones;
  reg stuff;
  always @(posedge clk) begin
    if (reset) begin
      ones <= 3'd0; stuff <= 1'b0; out_bit <= 1'b0; out_valid <= 1'b0;
    end else if (stuff) begin
      out_bit <= 1'b0; out_valid <= 1'b1; ones <= 3'd0; stuff <= 1'b0;
    end else if (in_valid) begin
      out_bit <= din;
      out_valid <= 1'b1;
      if (din) begin
        if (ones == 3'd4) begin ones <= 3'd5; stuff <= 1'b1; end
        else ones <= ones + 3'd1;
      end else ones <= 3'd0;
    end else out_valid <= 1'b0;
  end
  assign in_ready = !stuff;
endmodule
