`timescale 1 ps/1 ps
// Self-checking testbench for pulse_stretcher5: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg trigger = 0;
  wire out_ref, out_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .trigger(trigger), .out(out_ref));
  TopModule dut (.clk(clk), .areset(areset), .trigger(trigger), .out(out_dut));

  task check;
    begin
      samples = samples + 1;
      if ({out_ref} !== {out_dut}) errors = errors + 1;
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
      trigger = ($random & 7) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
