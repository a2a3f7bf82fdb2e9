`timescale 1 ps/1 ps
// Self-checking testbench for traffic_light_timed: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  wire [2:0] ns_ref, ns_dut;
  wire [2:0] ew_ref, ew_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .ns(ns_ref), .ew(ew_ref));
  TopModule dut (.clk(clk), .reset(reset), .ns(ns_dut), .ew(ew_dut));

  task check;
    begin
      samples = samples + 1;
      if ({ns_ref, ew_ref} !== {ns_dut, ew_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 127) == 0) ? 1 : 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
