module RefModule (
  input clk,
  input rst_n,
  input key_valid,
  input [3:0] key,
  input lock,
  output reg unlocked,
  output reg [1:0] progress
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      unlocked <= 1'b0;
      progress <= 2'd0;
    end else if (lock) begin
      unlocked <= 1'b0;
      progress <= 2'd0;
    end else if (key_valid && !unlocked) begin
      if (progress == 2'd0) progress <= (key == 4'd3) ? 2'd1 : 2'd0;
      else if (progress == 2'd1) progress <= (key == 4'd7) ? 2'd2 : (key == 4'd3) ? 2'd1 : 2'd0;
      else if (key == 4'd1) begin
        progress <= 2'd0;
        unlocked <= 1'b1;
      end else progress <= (key == 4'd3) ? 2'd1 : 2'd0;
    end
  end
endmodule
