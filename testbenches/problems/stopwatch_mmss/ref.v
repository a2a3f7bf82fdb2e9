module RefModule (
  input clk,
  input reset,
  input run,
  input tick,
  output reg [3:0] min_t,
  output reg [3:0] min_o,
  output reg [3:0] sec_t,
  output reg [3:0] sec_o
);
  always @(posedge clk) begin
    if (reset) begin
      min_t <= 4'd0; min_o <= 4'd0; sec_t <= 4'd0; sec_o <= 4'd0;
    end else if (run && tick) begin
      if (sec_o != 4'd9) sec_o <= sec_o + 4'd1;
      else begin
        sec_o <= 4'd0;
        if (sec_t != 4'd5) sec_t <= sec_t + 4'd1;
        else begin
          sec_t <= 4'd0;
          if (min_o != 4'd9) min_o <= min_o + 4'd1;
          else begin
            min_o <= 4'd0;
            min_t <= (min_t == 4'd5) ? 4'd0 : min_t + 4'd1;
          end
        end
      end
    end
  end
endmodule
