`timescale 1 ps/1 ps
// Self-checking testbench for period_meter: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg sig = 0;
  wire [7:0] period_ref, period_dut;
  wire valid_ref, valid_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .sig(sig), .period(period_ref), .valid(valid_ref));
  TopModule dut (.clk(clk), .reset(reset), .sig(sig), .period(period_dut), .valid(valid_dut));

  task check;
    begin
      samples = samples + 1;
      if ({period_ref, valid_ref} !== {period_dut, valid_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 255) == 0) ? 1 : 0;
      sig = (($random & 7) == 0) ? ~sig : sig;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
