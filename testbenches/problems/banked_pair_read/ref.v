module RefModule (
  input clk,
  input areset,
  input we,
  input [3:0] waddr,
  input [7:0] wdata,
  input [3:0] raddr,
  output [7:0] lo,
  output [7:0] hi
);
  reg [7:0] even [0:7];
  reg [7:0] odd [0:7];
  integer i;
  wire [3:0] r1 = raddr + 4'd1;
  always @(posedge clk or posedge areset) begin
    if (areset)
      for (i = 0; i < 8; i = i + 1) begin
        even[i] <= 8'd0;
        odd[i] <= 8'd0;
      end
    else if (we) begin
      if (waddr[0]) odd[waddr[3:1]] <= wdata;
      else even[waddr[3:1]] <= wdata;
    end
  end
  assign lo = raddr[0] ? odd[raddr[3:1]] : even[raddr[3:1]];
  assign hi = r1[0] ? odd[r1[3:1]] : even[r1[3:1]];
endmodule
