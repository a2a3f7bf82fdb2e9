module RefModule (
  input clk,
  input rst_n,
  input start,
  input [7:0] a,
  input [7:0] b,
  output reg busy,
  output reg done,
  output reg [15:0] product
);
  reg [15:0] mcand, acc;
  reg [7:0] mplier;
  reg [3:0] n;
  wire [15:0] next = mplier[0] ? acc + mcand : acc;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      busy <= 1'b0; done <= 1'b0; product <= 16'd0; mcand <= 16'd0; acc <= 16'd0; mplier <= 8'd0; n <= 4'd0;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin
          busy <= 1'b1; mcand <= {8'd0, a}; mplier <= b; acc <= 16'd0; n <= 4'd0;
        end
      end else begin
        acc <= next;
        mcand <= mcand << 1;
        mplier <= mplier >> 1;
        n <= n + 4'd1;
        if (n == 4'd7) begin
          busy <= 1'b0;
          done <= 1'b1;
          product <= next;
        end
      end
    end
  end
endmodule
