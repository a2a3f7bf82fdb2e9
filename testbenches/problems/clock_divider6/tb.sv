`timescale 1 ps/1 ps
// Self-checking testbench for clock_divider6: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  wire clk_out_ref, clk_out_dut;
  wire rise_pulse_ref, rise_pulse_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .clk_out(clk_out_ref), .rise_pulse(rise_pulse_ref));
  TopModule dut (.clk(clk), .reset(reset), .clk_out(clk_out_dut), .rise_pulse(rise_pulse_dut));

  task check;
    begin
      samples = samples + 1;
      if ({clk_out_ref, rise_pulse_ref} !== {clk_out_dut, rise_pulse_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 63) == 0) ? 1 : 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
