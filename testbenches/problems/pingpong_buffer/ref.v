module RefModule (
  input clk,
  input rst_n,
  input we,
  input [1:0] waddr,
  input [7:0] wdata,
  input swap,
  input [1:0] raddr,
  output [7:0] rdata,
  output reg bank
);
  reg [7:0] mem [0:7];
  integer i;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      bank <= 1'b0;
      for (i = 0; i < 8; i = i + 1) mem[i] <= 8'd0;
    end else begin
      if (we) mem[{bank, waddr}] <= wdata;
      if (swap) bank <= ~bank;
    end
  end
  assign rdata = mem[{~bank, raddr}];
endmodule
