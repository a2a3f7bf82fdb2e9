module RefModule (
  input clk,
  input reset,
  input wr,
  input inv,
  input [2:0] widx,
  input [7:0] wkey,
  input [7:0] skey,
  output reg hit,
  output reg [2:0] idx
);
  reg [7:0] keys [0:7];
  reg [7:0] valid;
  integer i;
  always @(posedge clk) begin
    if (reset) begin
      valid <= 8'd0;
      for (i = 0; i < 8; i = i + 1) keys[i] <= 8'd0;
    end else if (wr) begin
      keys[widx] <= wkey;
      valid[widx] <= 1'b1;
    end else if (inv) valid[widx] <= 1'b0;
  end
  always @* begin
    hit = 1'b0;
    idx = 3'd0;
    for (i = 7; i >= 0; i = i - 1)
      if (valid[i] && keys[i] == skey) begin
        hit = 1'b1;
        idx = i;
      end
  end
endmodule
