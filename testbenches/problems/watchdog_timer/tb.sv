`timescale 1 ps/1 ps
// Self-checking testbench for watchdog_timer: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg kick = 0;
  wire bark_ref, bark_dut;
  wire [6:0] count_ref, count_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .kick(kick), .bark(bark_ref), .count(count_ref));
  TopModule dut (.clk(clk), .reset(reset), .kick(kick), .bark(bark_dut), .count(count_dut));

  task check;
    begin
      samples = samples + 1;
      if ({bark_ref, count_ref} !== {bark_dut, count_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 1200; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 511) == 0) ? 1 : 0;
      kick = ($random & 127) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
