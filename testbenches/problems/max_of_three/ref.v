module RefModule (
  input [7:0] a,
  input [7:0] b,
  input [7:0] c,
  output reg [7:0] max,
  output reg [1:0] which
);
  always @* begin
    max = a;
    which = 2'd0;
    if (b > max) begin max = b; which = 2'd1; end
    if (c > max) begin max = c; which = 2'd2; end
  end
endmodule
