module RefModule (
  input [7:0] dividend,
  input [3:0] divisor,
  output reg [7:0] quotient,
  output reg [3:0] remainder,
  output div_zero
);
  assign div_zero = divisor == 4'd0;
  always @* begin
    if (div_zero) begin
      quotient = 8'hff;
      remainder = dividend[3:0];
    end else begin
      quotient = dividend / divisor;
      remainder = dividend % divisor;
    end
  end
endmodule
