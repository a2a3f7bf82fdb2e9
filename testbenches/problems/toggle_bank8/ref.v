module RefModule (
  input clk,
  input areset,
  input [7:0] t,
  input set_all,
  output reg [7:0] q
);
  always @(posedge clk or posedge areset) begin
    if (areset) q <= 8'd0;
    else if (set_all) q <= 8'hff;
    else q <= q ^ t;
  end
endmodule
