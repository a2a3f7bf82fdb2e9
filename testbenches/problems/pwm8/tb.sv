`timescale 1 ps/1 ps
// Self-checking testbench for pwm8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg [7:0] duty = 8'd77;
  wire pwm_ref, pwm_dut;
  wire period_start_ref, period_start_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .duty(duty), .pwm(pwm_ref), .period_start(period_start_ref));
  TopModule dut (.clk(clk), .reset(reset), .duty(duty), .pwm(pwm_dut), .period_start(period_start_dut));

  task check;
    begin
      samples = samples + 1;
      if ({pwm_ref, period_start_ref} !== {pwm_dut, period_start_dut}) errors = errors + 1;
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
      reset = (($random & 2047) == 0) ? 1 : 0;
      duty = (($random & 63) == 0) ? $random : duty;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
