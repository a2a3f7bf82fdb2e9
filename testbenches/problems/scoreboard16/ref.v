module RefModule (
  input clk,
  input areset,
  input set_en,
  input [3:0] set_idx,
  input clr_en,
  input [3:0] clr_idx,
  input [3:0] qa,
  input [3:0] qb,
  output busy_a,
  output busy_b,
  output any_busy,
  output reg [15:0] bits
);
  always @(posedge clk or posedge areset) begin
    if (areset) bits <= 16'd0;
    else bits <= (bits & ~(clr_en ? 16'd1 << clr_idx : 16'd0)) | (set_en ? 16'd1 << set_idx : 16'd0);
  end
  assign busy_a = bits[qa];
  assign busy_b = bits[qb];
  assign any_busy = |bits;
endmodule
