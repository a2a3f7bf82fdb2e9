module RefModule (
  input [7:0] pending,
  input [7:0] mask,
  output reg [2:0] id,
  output irq
);
  wire [7:0] active = pending & ~mask;
  integer i;
  always @* begin
    id = 3'd0;
    for (i = 7; i >= 0; i = i - 1)
      if (active[i]) id = i;
  end
  assign irq = |active;
endmodule
