`timescale 1 ps/1 ps
// Self-checking testbench for gcd_subtract: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg start = 0;
  reg [7:0] a = 0;
  reg [7:0] b = 0;
  wire busy_ref, busy_dut;
  wire done_ref, done_dut;
  wire [7:0] result_ref, result_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .start(start), .a(a), .b(b), .busy(busy_ref), .done(done_ref), .result(result_ref));
  TopModule dut (.clk(clk), .reset(reset), .start(start), .a(a), .b(b), .busy(busy_dut), .done(done_dut), .result(result_dut));

  task check;
    begin
      samples = samples + 1;
      if ({busy_ref, done_ref, result_ref} !== {busy_dut, done_dut, result_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 2500; cycle = cycle + 1) begin
      @(negedge clk);
      start = ($random & 7) == 0;
      a = (($random & 15) == 0) ? 0 : ($random & 1) ? ($random & 63) * 3 : $random;
      b = (($random & 15) == 0) ? 0 : ($random & 1) ? ($random & 63) * 6 : $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
