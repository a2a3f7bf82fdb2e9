module RefModule (
  input clk,
  input reset,
  input din,
  output div3,
  output reg [1:0] rem
);
  always @(posedge clk) begin
    if (reset) rem <= 2'd0;
    else case (rem)
      2'd0: rem <= din ? 2'd1 : 2'd0;
      2'd1: rem <= din ? 2'd0 : 2'd2;
      default: rem <= din ? 2'd2 : 2'd1;
    endcase
  end
  assign div3 = rem == 2'd0;
endmodule
