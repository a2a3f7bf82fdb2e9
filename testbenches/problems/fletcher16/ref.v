module RefModule (
  input clk,
  input rst_n,
  input init,
  input valid,
  input [7:0] d,
  output [15:0] checksum
);
  reg [7:0] s1, s2;
  wire [8:0] t1 = s1 + d;
  wire [7:0] n1 = (t1 >= 9'd255) ? t1 - 9'd255 : t1[7:0];
  wire [8:0] t2 = s2 + n1;
  wire [7:0] n2 = (t2 >= 9'd255) ? t2 - 9'd255 : t2[7:0];
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin s1 <= 8'd0; s2 <= 8'd0; end
    else if (init) begin s1 <= 8'd0; s2 <= 8'd0; end
    else if (valid) begin s1 <= n1; s2 <= n2; end
  end
  assign checksum = {s2, s1};
endmodule
