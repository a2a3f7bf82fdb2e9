module RefModule (
  input clk,
  input rst_n,
  input start,
  input [7:0] data,
  output reg sclk,
  output reg mosi,
  output reg cs_n,
  output reg done
);
  reg [7:0] sh;
  reg [2:0] n;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      sclk <= 1'b0; mosi <= 1'b0; cs_n <= 1'b1; done <= 1'b0; sh <= 8'd0; n <= 3'd0;
    end else begin
      done <= 1'b0;
      if (cs_n) begin
        if (start) begin
          cs_n <= 1'b0;
          sh <= data;
          mosi <= data[7];
          n <= 3'd0;
        end
      end else if (!sclk) sclk <= 1'b1;
      else begin
        sclk <= 1'b0;
        if (n == 3'd7) begin
          cs_n <= 1'b1;
          mosi <= 1'b0;
          done <= 1'b1;
        end else begin
          n <= n + 3'd1;
          sh <= sh << 1;
          mosi <= sh[6];
        end
      end
    end
  end
endmodule
