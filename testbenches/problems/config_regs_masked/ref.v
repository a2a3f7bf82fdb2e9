module RefModule (
  input clk,
  input reset,
  input wr,
  input [1:0] addr,
  input [7:0] wdata,
  output reg [7:0] rdata
);
  reg [7:0] r0, r1, r2, r3;
  always @(posedge clk) begin
    if (reset) begin
      r0 <= 8'h00; r1 <= 8'h5A; r2 <= 8'hFF; r3 <= 8'h80;
    end else if (wr) case (addr)
      2'd0: r0 <= wdata;
      2'd1: r1 <= (r1 & 8'hF0) | (wdata & 8'h0F);
      2'd2: r2 <= r2;
      default: r3 <= (r3 & 8'h7E) | (wdata & 8'h81);
    endcase
  end
  always @* begin
    case (addr)
      2'd0: rdata = r0;
      2'd1: rdata = r1;
      2'd2: rdata = r2;
      default: rdata = r3;
    endcase
  end
endmodule
