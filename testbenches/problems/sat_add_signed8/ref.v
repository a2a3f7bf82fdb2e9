module RefModule (
  input [7:0] a,
  input [7:0] b,
  output reg [7:0] sum,
  output reg sat
);
  wire [8:0] wide = {a[7], a} + {b[7], b};
  always @* begin
    sat = wide[8] != wide[7];
    if (!sat) sum = wide[7:0];
    else if (wide[8]) sum = 8'h80;
    else sum = 8'h7f;
  end
endmodule
