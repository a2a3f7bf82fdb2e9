module RefModule (
  input clk,
  input areset,
  input trigger,
  output out
);
  reg [2:0] cnt;
  always @(posedge clk or posedge areset) begin
    if (areset) cnt <= 3'd0;
    else if (trigger) cnt <= 3'd5;
    else if (cnt != 3'd0) cnt <= cnt - 3'd1;
  end
  assign out = cnt != 3'd0;
endmodule
