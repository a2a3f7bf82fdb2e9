module RefModule (
  input clk,
  input reset,
  input rx,
  output reg [7:0] data,
  output reg valid,
  output reg frame_err
);
  reg receiving;
  reg [3:0] n;
  reg [7:0] sh;
  always @(posedge clk) begin
    if (reset) begin
      receiving <= 1'b0;
      n <= 4'd0;
      sh <= 8'd0;
      data <= 8'd0;
      valid <= 1'b0;
      frame_err <= 1'b0;
    end else begin
      valid <= 1'b0;
      frame_err <= 1'b0;
      if (!receiving) begin
        if (!rx) begin
          receiving <= 1'b1;
          n <= 4'd0;
        end
      end else if (n < 4'd8) begin
        sh <= {rx, sh[7:1]};
        n <= n + 4'd1;
      end else begin
        receiving <= 1'b0;
        if (rx) begin
          data <= sh;
          valid <= 1'b1;
        end else frame_err <= 1'b1;
      end
    end
  end
endmodule
