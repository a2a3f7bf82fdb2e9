`timescale 1 ps/1 ps
// Self-checking testbench for run_length_alarm: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg resetn = 0;
  reg in = 0;
  wire alarm_ref, alarm_dut;
  wire [1:0] run_ref, run_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .resetn(resetn), .in(in), .alarm(alarm_ref), .run(run_ref));
  TopModule dut (.clk(clk), .resetn(resetn), .in(in), .alarm(alarm_dut), .run(run_dut));

  task check;
    begin
      samples = samples + 1;
      if ({alarm_ref, run_ref} !== {alarm_dut, run_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    resetn = 1;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      resetn = (($random & 31) == 0) ? 0 : 1;
      in = ($random & 3) != 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
