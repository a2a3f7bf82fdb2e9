module RefModule (
  input [15:0] data,
  input rev,
  output reg [15:0] out
);
  integer i;
  always @* begin
    for (i = 0; i < 16; i = i + 1)
      out[i] = rev ? data[15 - i] : data[i];
  end
endmodule
