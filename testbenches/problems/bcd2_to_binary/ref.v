module RefModule (
  input [7:0] bcd,
  output reg [6:0] bin,
  output reg invalid
);
  always @* begin
    invalid = (bcd[7:4] > 4'd9) || (bcd[3:0] > 4'd9);
    bin = invalid ? 7'd0 : bcd[7:4] * 7'd10 + bcd[3:0];
  end
endmodule
