module RefModule (
  input clk,
  input reset,
  input start,
  input [7:0] dividend,
  input [7:0] divisor,
  output reg busy,
  output reg done,
  output reg [7:0] quotient,
  output reg [7:0] remainder
);
  reg [7:0] dvd, dvs, q;
  reg [8:0] r;
  reg [3:0] n;
  wire [8:0] shifted = {r[7:0], dvd[7]};
  wire [8:0] trial = shifted - {1'b0, dvs};
  always @(posedge clk) begin
    if (reset) begin
      busy <= 1'b0; done <= 1'b0; quotient <= 8'd0; remainder <= 8'd0;
      dvd <= 8'd0; dvs <= 8'd0; q <= 8'd0; r <= 9'd0; n <= 4'd0;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin
          busy <= 1'b1; dvd <= dividend; dvs <= divisor; r <= 9'd0; q <= 8'd0; n <= 4'd0;
        end
      end else begin
        dvd <= dvd << 1;
        if (!trial[8]) begin r <= trial; q <= {q[6:0], 1'b1}; end
        else begin r <= shifted; q <= {q[6:0], 1'b0}; end
        n <= n + 4'd1;
        if (n == 4'd7) begin
          busy <= 1'b0;
          done <= 1'b1;
          quotient <= trial[8] ? {q[6:0], 1'b0} : {q[6:0], 1'b1};
          remainder <= trial[8] ? shifted[7:0] : trial[7:0];
        end
      end
    end
  end
endmodule
