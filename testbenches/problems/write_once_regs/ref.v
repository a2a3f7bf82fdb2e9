module RefModule (
  input clk,
  input reset,
  input we,
  input [1:0] addr,
  input [7:0] wdata,
  input [1:0] raddr,
  output [7:0] rdata,
  output reg [3:0] locked,
  output reg violation
);
  reg [7:0] regs [0:3];
  integer i;
  always @(posedge clk) begin
    if (reset) begin
      for (i = 0; i < 4; i = i + 1) regs[i] <= 8'd0;
      locked <= 4'd0;
      violation <= 1'b0;
    end else if (we) begin
      if (locked[addr]) violation <= 1'b1;
      else begin
        regs[addr] <= wdata;
        locked[addr] <= 1'b1;
      end
    end
  end
  assign rdata = regs[raddr];
endmodule
