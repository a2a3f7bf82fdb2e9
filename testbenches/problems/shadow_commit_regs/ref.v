module RefModule (
  input clk,
  input reset,
  input we,
  input [1:0] waddr,
  input [7:0] wdata,
  input commit,
  input [1:0] raddr,
  output [7:0] active_data,
  output [7:0] shadow_data,
  output pending
);
  reg [7:0] shadow [0:3];
  reg [7:0] active [0:3];
  integer i;
  always @(posedge clk) begin
    if (reset)
      for (i = 0; i < 4; i = i + 1) begin
        shadow[i] <= 8'd0;
        active[i] <= 8'd0;
      end
    else begin
      if (we) shadow[waddr] <= wdata;
      if (commit)
        for (i = 0; i < 4; i = i + 1) active[i] <= shadow[i];
    end
  end
  assign active_data = active[raddr];
  assign shadow_data = shadow[raddr];
  assign pending = (shadow[0] != active[0]) || (shadow[1] != active[1]) || (shadow[2] != active[2]) || (shadow[3] != active[3]);
endmodule
