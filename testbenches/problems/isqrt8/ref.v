module RefModule (
  input [7:0] x,
  output reg [3:0] root,
  output exact
);
  integer i;
  always @* begin
    root = 4'd0;
    for (i = 1; i < 16; i = i + 1)
      if (i * i <= x) root = i;
  end
  assign exact = root * root == x;
endmodule
