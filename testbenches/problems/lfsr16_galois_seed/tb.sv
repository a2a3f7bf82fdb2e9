`timescale 1 ps/1 ps
// Self-checking testbench for lfsr16_galois_seed: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg seed_load = 0;
  reg [15:0] seed = 0;
  wire [15:0] state_ref, state_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .seed_load(seed_load), .seed(seed), .state(state_ref));
  TopModule dut (.clk(clk), .areset(areset), .seed_load(seed_load), .seed(seed), .state(state_dut));

  task check;
    begin
      samples = samples + 1;
      if ({state_ref} !== {state_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 31) == 0) ? 1 : 0;
      seed_load = ($random & 31) == 0;
      seed = ($random & 3) ? $random : 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
