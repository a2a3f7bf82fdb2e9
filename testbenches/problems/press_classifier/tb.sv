`timescale 1 ps/1 ps
// Self-checking testbench for press_classifier: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg btn = 0;
  wire short_press_ref, short_press_dut;
  wire long_press_ref, long_press_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .btn(btn), .short_press(short_press_ref), .long_press(long_press_ref));
  TopModule dut (.clk(clk), .reset(reset), .btn(btn), .short_press(short_press_dut), .long_press(long_press_dut));

  task check;
    begin
      samples = samples + 1;
      if ({short_press_ref, long_press_ref} !== {short_press_dut, long_press_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 511) == 0) ? 1 : 0;
      btn = (($random & 7) == 0) ? ~btn : btn;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
