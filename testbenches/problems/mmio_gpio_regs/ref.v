module RefModule (
  input clk,
  input areset,
  input wr,
  input [1:0] addr,
  input [7:0] wdata,
  input [7:0] pins_in,
  output reg [7:0] rdata,
  output [7:0] pins_out
);
  reg [7:0] dir, out;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      dir <= 8'd0;
      out <= 8'd0;
    end else if (wr) case (addr)
      2'd0: dir <= wdata;
      2'd1: out <= wdata;
      2'd3: out <= out ^ wdata;
      default: ;
    endcase
  end
  always @* begin
    case (addr)
      2'd0: rdata = dir;
      2'd1: rdata = out;
      2'd2: rdata = pins_in;
      default: rdata = 8'd0;
    endcase
  end
  assign pins_out = out & dir;
endmodule
