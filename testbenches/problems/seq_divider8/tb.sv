`timescale 1 ps/1 ps
// Self-checking testbench for seq_divider8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg start = 0;
  reg [7:0] dividend = 0;
  reg [7:0] divisor = 0;
  wire busy_ref, busy_dut;
  wire done_ref, done_dut;
  wire [7:0] quotient_ref, quotient_dut;
  wire [7:0] remainder_ref, remainder_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .start(start), .dividend(dividend), .divisor(divisor), .busy(busy_ref), .done(done_ref), .quotient(quotient_ref), .remainder(remainder_ref));
  TopModule dut (.clk(clk), .reset(reset), .start(start), .dividend(dividend), .divisor(divisor), .busy(busy_dut), .done(done_dut), .quotient(quotient_dut), .remainder(remainder_dut));

  task check;
    begin
      samples = samples + 1;
      if ({busy_ref, done_ref, quotient_ref, remainder_ref} !== {busy_dut, done_dut, quotient_dut, remainder_dut}) errors = errors + 1;
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
      reset = (($random & 1023) == 0) ? 1 : 0;
      start = ($random & 3) == 0;
      dividend = $random;
      divisor = (($random & 15) == 0) ? 0 : (($random & 1) ? ($random & 15) : $random);
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
