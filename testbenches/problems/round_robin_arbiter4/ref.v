module RefModule (
  input clk,
  input reset,
  input [3:0] req,
  output reg [3:0] grant
);
  reg [1:0] last;
  reg [1:0] pick;
  reg found;
  integer i;
  always @* begin
    found = 1'b0;
    pick = last;
    for (i = 1; i <= 4; i = i + 1)
      if (!found && req[(last + i) % 4]) begin
        found = 1'b1;
        pick = (last + i) % 4;
      end
  end
  always @(posedge clk) begin
    if (reset) begin
      grant <= 4'd0;
      last <= 2'd3;
    end else if (found) begin
      grant <= 4'd1 << pick;
      last <= pick;
    end else grant <= 4'd0;
  end
endmodule
