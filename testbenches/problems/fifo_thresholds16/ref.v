module RefModule (
  input clk,
  input resetn,
  input wr,
  input rd,
  input [3:0] din,
  output reg [3:0] dout,
  output reg [4:0] level,
  output empty,
  output full,
  output almost_empty,
  output almost_full
);
  reg [3:0] mem [0:15];
  reg [3:0] wp, rp;
  wire do_wr = wr && level != 5'd16;
  wire do_rd = rd && level != 5'd0;
  always @(posedge clk) begin
    if (!resetn) begin
      wp <= 4'd0; rp <= 4'd0; level <= 5'd0; dout <= 4'd0;
    end else begin
      if (do_wr) begin mem[wp] <= din; wp <= wp + 4'd1; end
      if (do_rd) begin dout <= mem[rp]; rp <= rp + 4'd1; end
      level <= level + do_wr - do_rd;
    end
  end
  assign empty = level == 5'd0;
  assign full = level == 5'd16;
  assign almost_empty = level <= 5'd2;
  assign almost_full = level >= 5'd14;
endmodule
