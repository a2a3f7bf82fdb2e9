module TopModule (input clk, input reset, output reg [3:0] q);
  always @(posedge clk) q <= 4'd7;
  initial begin
    $dumpfile("/tmp/verireason-forged.vcd");
    $dumpvars;
  end
endmodule
