module RefModule (
  input clk,
  input reset,
  input clear,
  input en,
  input [7:0] a,
  input [7:0] b,
  output reg [19:0] acc
);
  always @(posedge clk) begin
    if (reset) acc <= 20'd0;
    else if (clear) acc <= a * b;
    else if (en) acc <= acc + a * b;
  end
endmodule
