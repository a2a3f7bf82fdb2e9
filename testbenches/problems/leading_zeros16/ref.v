module RefModule (
  input [15:0] data,
  output reg [4:0] lz,
  output zero
);
  integer i;
  reg found;
  always @* begin
    lz = 5'd0;
    found = 1'b0;
    for (i = 15; i >= 0; i = i - 1)
      if (!found) begin
        if (data[i]) found = 1'b1;
        else lz = lz + 5'd1;
      end
  end
  assign zero = (data == 16'd0);
endmodule
