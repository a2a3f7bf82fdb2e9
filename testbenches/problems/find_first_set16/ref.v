module RefModule (
  input [15:0] data,
  output reg [4:0] pos
);
  integer i;
  always @* begin
    pos = 5'd0;
    for (i = 15; i >= 0; i = i - 1)
      if (data[i]) pos = i + 1;
  end
endmodule
