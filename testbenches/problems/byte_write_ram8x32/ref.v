module RefModule (
  input clk,
  input reset,
  input we,
  input [3:0] be,
  input [2:0] addr,
  input [31:0] wdata,
  output reg [31:0] rdata
);
  reg [31:0] mem [0:7];
  integer i, k;
  always @(posedge clk) begin
    if (reset) begin
      for (i = 0; i < 8; i = i + 1) mem[i] <= 32'd0;
      rdata <= 32'd0;
    end else begin
      rdata <= mem[addr];
      if (we)
        for (k = 0; k < 4; k = k + 1)
          if (be[k]) mem[addr][8 * k +: 8] <= wdata[8 * k +: 8];
    end
  end
endmodule
