module RefModule (
  input clk,
  input we,
  input [4:0] waddr,
  input [7:0] wdata,
  input re,
  input [4:0] raddr,
  output reg [7:0] rdata
);
  reg [7:0] mem [0:31];
  always @(posedge clk) begin
    if (we) mem[waddr] <= wdata;
    if (re) rdata <= mem[raddr];
  end
endmodule
