module RefModule (
  input clk,
  input reset,
  input clear,
  input en,
  input [7:0] din,
  output reg [15:0] acc,
  output reg wrapped
);
  always @(posedge clk) begin
    if (reset || clear) begin
      acc <= 16'd0;
      wrapped <= 1'b0;
    end else if (en) {wrapped, acc} <= {1'b0, acc} + {9'd0, din};
    else wrapped <= 1'b0;
  end
endmodule
