`timescale 1 ps/1 ps
// Self-checking testbench for lifo_stack8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg push = 0;
  reg pop = 0;
  reg [7:0] din = 0;
  wire [7:0] top_ref, top_dut;
  wire [3:0] depth_ref, depth_dut;
  wire error_ref, error_dut;
  reg bias = 0;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .push(push), .pop(pop), .din(din), .top(top_ref), .depth(depth_ref), .error(error_ref));
  TopModule dut (.clk(clk), .reset(reset), .push(push), .pop(pop), .din(din), .top(top_dut), .depth(depth_dut), .error(error_dut));

  task check;
    begin
      samples = samples + 1;
      if ({top_ref, depth_ref, error_ref} !== {top_dut, depth_dut, error_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 63) == 0) ? 1 : 0;
      if (($random & 15) == 0) bias = ~bias;
      push = bias ? ($random & 3) != 0 : ($random & 3) == 0;
      pop = ($random & 1);
      din = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
