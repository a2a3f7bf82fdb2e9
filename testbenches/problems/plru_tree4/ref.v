module RefModule (
  input clk,
  input reset,
  input access,
  input [1:0] way,
  output [1:0] victim,
  output [2:0] state
);
  reg b0, b1, b2;
  always @(posedge clk) begin
    if (reset) begin
      b0 <= 1'b0; b1 <= 1'b0; b2 <= 1'b0;
    end else if (access) begin
      b0 <= ~way[1];
      if (way[1]) b2 <= ~way[0];
      else b1 <= ~way[0];
    end
  end
  assign victim = b0 ? (b2 ? 2'd3 : 2'd2) : (b1 ? 2'd1 : 2'd0);
  assign state = {b2, b1, b0};
endmodule
