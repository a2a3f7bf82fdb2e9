`timescale 1 ps/1 ps
// Self-checking testbench for serial_adder: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg a = 0;
  reg b = 0;
  wire s_ref, s_dut;
  wire cout_ref, cout_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .a(a), .b(b), .s(s_ref), .cout(cout_ref));
  TopModule dut (.clk(clk), .reset(reset), .a(a), .b(b), .s(s_dut), .cout(cout_dut));

  task check;
    begin
      samples = samples + 1;
      if ({s_ref, cout_ref} !== {s_dut, cout_dut}) errors = errors + 1;
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
      reset = (($random & 15) == 0) ? 1 : 0;
      a = $random;
      b = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
