module RefModule (
  input [15:0] a,
  input [15:0] b,
  output reg [4:0] distance,
  output same,
  output close
);
  wire [15:0] d = a ^ b;
  integer i;
  always @* begin
    distance = 5'd0;
    for (i = 0; i < 16; i = i + 1) distance = distance + d[i];
  end
  assign same = distance == 5'd0;
  assign close = distance <= 5'd2;
endmodule
