module RefModule (
  input clk,
  input reset,
  input wr,
  input [1:0] widx,
  input [11:0] wcolor,
  input [1:0] pixel,
  input blank,
  output reg [11:0] rgb
);
  reg [11:0] pal [0:3];
  always @(posedge clk) begin
    if (reset) begin
      pal[0] <= 12'h000;
      pal[1] <= 12'hF00;
      pal[2] <= 12'h0F0;
      pal[3] <= 12'h00F;
      rgb <= 12'h000;
    end else begin
      if (wr) pal[widx] <= wcolor;
      rgb <= blank ? 12'h000 : pal[pixel];
    end
  end
endmodule
