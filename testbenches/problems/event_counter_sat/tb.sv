`timescale 1 ps/1 ps
// Self-checking testbench for event_counter_sat: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg ev = 0;
  wire [3:0] count_ref, count_dut;
  wire full_ref, full_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .ev(ev), .count(count_ref), .full(full_ref));
  TopModule dut (.clk(clk), .reset(reset), .ev(ev), .count(count_dut), .full(full_dut));

  task check;
    begin
      samples = samples + 1;
      if ({count_ref, full_ref} !== {count_dut, full_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 127) == 0) ? 1 : 0;
      ev = ($random & 1);
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
