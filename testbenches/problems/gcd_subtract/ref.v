module RefModule (
  input clk,
  input reset,
  input start,
  input [7:0] a,
  input [7:0] b,
  output reg busy,
  output reg done,
  output reg [7:0] result
);
  reg [7:0] x, y;
  always @(posedge clk) begin
    if (reset) begin
      busy <= 1'b0; done <= 1'b0; result <= 8'd0; x <= 8'd0; y <= 8'd0;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin busy <= 1'b1; x <= a; y <= b; end
      end else if (x == y || x == 8'd0 || y == 8'd0) begin
        result <= (x == 8'd0) ? y : x;
        busy <= 1'b0;
        done <= 1'b1;
      end else if (x > y) x <= x - y;
      else y <= y - x;
    end
  end
endmodule
