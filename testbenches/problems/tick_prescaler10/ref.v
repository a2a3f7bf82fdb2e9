module RefModule (
  input clk,
  input rst_n,
  input en,
  output tick
);
  reg [3:0] cnt;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) cnt <= 4'd0;
    else if (en) cnt <= (cnt == 4'd9) ? 4'd0 : cnt + 4'd1;
  end
  assign tick = en && cnt == 4'd9;
endmodule
