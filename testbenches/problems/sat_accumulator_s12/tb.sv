`timescale 1 ps/1 ps
// Self-checking testbench for sat_accumulator_s12: long positive and negative runs that reach both limits.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg valid = 0;
  reg [7:0] x = 0;
  wire [11:0] acc_ref, acc_dut;
  wire at_limit_ref, at_limit_dut;
  reg bias = 0;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .valid(valid), .x(x), .acc(acc_ref), .at_limit(at_limit_ref));
  TopModule dut (.clk(clk), .areset(areset), .valid(valid), .x(x), .acc(acc_dut), .at_limit(at_limit_dut));

  task check;
    begin
      samples = samples + 1;
      if ({acc_ref, at_limit_ref} !== {acc_dut, at_limit_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 1023) == 0) ? 1 : 0;
      if (($random & 63) == 0) bias = ~bias;
      valid = ($random & 7) != 0;
      x = bias ? -($random & 127) : ($random & 127);
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
