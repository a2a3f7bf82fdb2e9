module RefModule (
  input clk,
  input reset,
  input alloc,
  input free,
  input [2:0] free_idx,
  output avail,
  output reg [2:0] slot,
  output reg [7:0] used
);
  integer i;
  always @* begin
    slot = 3'd0;
    for (i = 7; i >= 0; i = i - 1)
      if (!used[i]) slot = i;
  end
  assign avail = used != 8'hff;
  always @(posedge clk) begin
    if (reset) used <= 8'd0;
    else begin
      if (alloc && avail) used[slot] <= 1'b1;
      if (free) used[free_idx] <= 1'b0;
    end
  end
endmodule
