`timescale 1 ps/1 ps
// Self-checking testbench for sine_rom16: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg [3:0] idx = 0;
  wire [7:0] value_ref, value_dut;
  wire at_peak_ref, at_peak_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .idx(idx), .value(value_ref), .at_peak(at_peak_ref));
  TopModule dut (.clk(clk), .reset(reset), .idx(idx), .value(value_dut), .at_peak(at_peak_dut));

  task check;
    begin
      samples = samples + 1;
      if ({value_ref, at_peak_ref} !== {value_dut, at_peak_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 31) == 0) ? 1 : 0;
      idx = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
