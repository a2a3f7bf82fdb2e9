module RefModule (
  input clk,
  input rst_n,
  input [1:0] mode,
  input sr_in,
  input sl_in,
  input [3:0] d,
  output reg [3:0] q
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) q <= 4'd0;
    else case (mode)
      2'd0: q <= q;
      2'd1: q <= {sr_in, q[3:1]};
      2'd2: q <= {q[2:0], sl_in};
      default: q <= d;
    endcase
  end
endmodule
