module RefModule (
  input clk,
  input reset,
  input we_a,
  input [1:0] waddr_a,
  input [7:0] wdata_a,
  input we_b,
  input [1:0] waddr_b,
  input [7:0] wdata_b,
  input [1:0] raddr,
  output [7:0] rdata,
  output conflict
);
  reg [7:0] regs [0:3];
  integer i;
  always @(posedge clk) begin
    if (reset)
      for (i = 0; i < 4; i = i + 1) regs[i] <= 8'd0;
    else begin
      if (we_a) regs[waddr_a] <= wdata_a;
      if (we_b) regs[waddr_b] <= wdata_b;
    end
  end
  assign rdata = regs[raddr];
  assign conflict = we_a && we_b && waddr_a == waddr_b;
endmodule
