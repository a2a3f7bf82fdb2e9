module RefModule (
  input clk,
  input areset,
  input wr_en,
  input rd_en,
  input [15:0] din,
  output [15:0] dout,
  output valid,
  output full
);
  reg [15:0] mem [0:3];
  reg [1:0] wp, rp;
  reg [2:0] count;
  wire do_wr = wr_en && count != 3'd4;
  wire do_rd = rd_en && count != 3'd0;
  integer i;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      for (i = 0; i < 4; i = i + 1) mem[i] <= 16'd0;
      wp <= 2'd0; rp <= 2'd0; count <= 3'd0;
    end else begin
      if (do_wr) begin mem[wp] <= din; wp <= wp + 2'd1; end
      if (do_rd) rp <= rp + 2'd1;
      count <= count + do_wr - do_rd;
    end
  end
  assign dout = mem[rp];
  assign valid = count != 3'd0;
  assign full = count == 3'd4;
endmodule
