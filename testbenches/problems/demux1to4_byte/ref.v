module RefModule (
  input [7:0] din,
  input [1:0] sel,
  input en,
  output reg [31:0] out
);
  always @* begin
    out = 32'd0;
    if (en) out[{sel, 3'b000} +: 8] = din;
  end
endmodule
