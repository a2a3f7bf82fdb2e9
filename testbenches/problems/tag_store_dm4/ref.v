module RefModule (
  input clk,
  input reset,
  input [7:0] addr,
  input fill,
  input flush,
  output hit,
  output [3:0] valid_bits
);
  reg [3:0] tags [0:3];
  reg [3:0] valid;
  integer i;
  always @(posedge clk) begin
    if (reset) begin
      valid <= 4'd0;
      for (i = 0; i < 4; i = i + 1) tags[i] <= 4'd0;
    end else if (fill) begin
      valid[addr[3:2]] <= 1'b1;
      tags[addr[3:2]] <= addr[7:4];
    end else if (flush) valid <= 4'd0;
  end
  assign hit = valid[addr[3:2]] && tags[addr[3:2]] == addr[7:4];
  assign valid_bits = valid;
endmodule
