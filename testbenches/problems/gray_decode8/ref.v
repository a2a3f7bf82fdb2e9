module RefModule (
  input [7:0] gray,
  output reg [7:0] bin
);
  integer i;
  always @* begin
    bin[7] = gray[7];
    for (i = 6; i >= 0; i = i - 1)
      bin[i] = bin[i + 1] ^ gray[i];
  end
endmodule
