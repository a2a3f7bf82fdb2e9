`timescale 1 ps/1 ps
// Self-checking testbench for sync_rise_detect: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg resetn = 0;
  reg async_in = 0;
  wire sync_out_ref, sync_out_dut;
  wire pulse_ref, pulse_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .resetn(resetn), .async_in(async_in), .sync_out(sync_out_ref), .pulse(pulse_ref));
  TopModule dut (.clk(clk), .resetn(resetn), .async_in(async_in), .sync_out(sync_out_dut), .pulse(pulse_dut));

  task check;
    begin
      samples = samples + 1;
      if ({sync_out_ref, pulse_ref} !== {sync_out_dut, pulse_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    resetn = 1;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      resetn = (($random & 31) == 0) ? 0 : 1;
      async_in = ($random & 3) ? async_in : ~async_in;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
