module RefModule (
  input clk,
  input rst_n,
  input start,
  input [5:0] len,
  output reg busy,
  output reg done,
  output reg [5:0] remaining
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      busy <= 1'b0;
      done <= 1'b0;
      remaining <= 6'd0;
    end else if (start) begin
      remaining <= len;
      busy <= len != 6'd0;
      done <= 1'b0;
    end else if (busy) begin
      remaining <= remaining - 6'd1;
      if (remaining == 6'd1) begin
        busy <= 1'b0;
        done <= 1'b1;
      end else done <= 1'b0;
    end else done <= 1'b0;
  end
endmodule
