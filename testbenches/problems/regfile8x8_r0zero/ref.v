module RefModule (
  input clk,
  input reset,
  input we,
  input [2:0] waddr,
  input [7:0] wdata,
  input [2:0] raddr1,
  input [2:0] raddr2,
  output [7:0] rdata1,
  output [7:0] rdata2
);
  reg [7:0] regs [0:7];
  integer i;
  always @(posedge clk) begin
    if (reset)
      for (i = 0; i < 8; i = i + 1) regs[i] <= 8'd0;
    else if (we && waddr != 3'd0) regs[waddr] <= wdata;
  end
  assign rdata1 = (raddr1 == 3'd0) ? 8'd0 : regs[raddr1];
  assign rdata2 = (raddr2 == 3'd0) ? 8'd0 : regs[raddr2];
endmodule
