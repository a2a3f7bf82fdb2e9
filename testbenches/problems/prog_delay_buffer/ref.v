module RefModule (
  input clk,
  input rst_n,
  input en,
  input [7:0] din,
  input [2:0] delay,
  output [7:0] dout
);
  reg [7:0] buffer [0:7];
  reg [2:0] wp;
  integer i;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      wp <= 3'd0;
      for (i = 0; i < 8; i = i + 1) buffer[i] <= 8'd0;
    end else if (en) begin
      buffer[wp] <= din;
      wp <= wp + 3'd1;
    end
  end
  wire [2:0] ridx = wp - 3'd1 - delay;
  assign dout = buffer[ridx];
endmodule
