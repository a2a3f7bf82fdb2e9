module RefModule (
  input clk,
  input reset,
  input push,
  input pop,
  input [7:0] din,
  output [7:0] top,
  output reg [3:0] depth,
  output reg error
);
  reg [7:0] mem [0:7];
  integer i;
  always @(posedge clk) begin
    if (reset) begin
      for (i = 0; i < 8; i = i + 1) mem[i] <= 8'd0;
      depth <= 4'd0;
      error <= 1'b0;
    end else if (push) begin
      if (depth == 4'd8) error <= 1'b1;
      else begin mem[depth[2:0]] <= din; depth <= depth + 4'd1; end
    end else if (pop) begin
      if (depth == 4'd0) error <= 1'b1;
      else depth <= depth - 4'd1;
    end
  end
  wire [2:0] top_idx = depth[2:0] - 3'd1;
  assign top = (depth == 4'd0) ? 8'd0 : mem[top_idx];
endmodule
