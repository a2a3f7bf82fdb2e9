module RefModule (
  input clk,
  input rst_n,
  input we,
  input [1:0] waddr,
  input [15:0] wdata,
  input [1:0] raddr,
  output reg [15:0] rdata
);
  reg [15:0] regs [0:3];
  integer i;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (i = 0; i < 4; i = i + 1) regs[i] <= 16'd0;
      rdata <= 16'd0;
    end else begin
      if (we) regs[waddr] <= wdata;
      rdata <= (we && waddr == raddr) ? wdata : regs[raddr];
    end
  end
endmodule
