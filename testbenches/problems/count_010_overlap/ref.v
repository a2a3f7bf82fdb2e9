module RefModule (
  input clk,
  input areset,
  input x,
  output reg [7:0] count,
  output hit
);
  localparam S = 2'd0, Z = 2'd1, ZO = 2'd2, HIT = 2'd3;
  reg [1:0] state;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      state <= S;
      count <= 8'd0;
    end else case (state)
      S: state <= x ? S : Z;
      Z: state <= x ? ZO : Z;
      ZO: if (x) state <= S; else begin state <= HIT; count <= count + 8'd1; end
      default: state <= x ? ZO : Z;
    endcase
  end
  assign hit = state == HIT;
endmodule
