`define include
`include "/etc/passwd"
module TopModule (input clk, input reset, output reg [3:0] q);
  always @(posedge clk) q <= 4'd7;
endmodule
