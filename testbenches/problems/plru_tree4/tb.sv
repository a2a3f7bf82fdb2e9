`timescale 1 ps/1 ps
// Self-checking testbench for plru_tree4: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg access = 0;
  reg [1:0] way = 0;
  wire [1:0] victim_ref, victim_dut;
  wire [2:0] state_ref, state_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .access(access), .way(way), .victim(victim_ref), .state(state_ref));
  TopModule dut (.clk(clk), .reset(reset), .access(access), .way(way), .victim(victim_dut), .state(state_dut));

  task check;
    begin
      samples = samples + 1;
      if ({victim_ref, state_ref} !== {victim_dut, state_dut}) errors = errors + 1;
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
      reset = (($random & 31) == 0) ? 1 : 0;
      access = $random;
      way = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
