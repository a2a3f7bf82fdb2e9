`timescale 1 ps/1 ps
// Self-checking testbench for updown_counter_load8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg load = 0;
  reg [7:0] d = 0;
  reg en = 0;
  reg up = 0;
  wire [7:0] count_ref, count_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .load(load), .d(d), .en(en), .up(up), .count(count_ref));
  TopModule dut (.clk(clk), .reset(reset), .load(load), .d(d), .en(en), .up(up), .count(count_dut));

  task check;
    begin
      samples = samples + 1;
      if ({count_ref} !== {count_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 31) == 0) ? 1 : 0;
      load = ($random & 15) == 0;
      d = ($random & 1) ? 8'hff : $random;
      en = $random;
      up = ($random & 7) != 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
