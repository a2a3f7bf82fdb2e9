module RefModule (
  input clk,
  input reset,
  input en,
  input [7:0] din,
  output [7:0] dout,
  output [7:0] tap2
);
  reg [7:0] s1, s2, s3, s4;
  always @(posedge clk) begin
    if (reset) begin
      s1 <= 8'd0; s2 <= 8'd0; s3 <= 8'd0; s4 <= 8'd0;
    end else if (en) begin
      s1 <= din; s2 <= s1; s3 <= s2; s4 <= s3;
    end
  end
  assign dout = s4;
  assign tap2 = s2;
endmodule
