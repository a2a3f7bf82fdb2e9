module RefModule (
  input [7:0] a,
  input [7:0] b,
  output reg [7:0] y,
  output reg ovf
);
  wire signed [15:0] p = $signed(a) * $signed(b);
  wire signed [15:0] s = p >>> 4;
  always @* begin
    if (s > 16'sd127) begin y = 8'h7f; ovf = 1'b1; end
    else if (s < -16'sd128) begin y = 8'h80; ovf = 1'b1; end
    else begin y = s[7:0]; ovf = 1'b0; end
  end
endmodule
