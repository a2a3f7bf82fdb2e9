`timescale 1 ps/1 ps
// Self-checking testbench for bcd_digit_adder: reference and candidate side by side.
module tb;
  reg [3:0] a;
  reg [3:0] b;
  reg cin;
  wire [3:0] sum_ref, sum_dut;
  wire cout_ref, cout_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .cin(cin), .sum(sum_ref), .cout(cout_ref));
  TopModule dut (.a(a), .b(b), .cin(cin), .sum(sum_dut), .cout(cout_dut));

  initial begin
    for (i = 0; i < 512; i = i + 1) begin
      {a, b, cin} = i;
      #5;
      samples = samples + 1;
      if ({sum_ref, cout_ref} !== {sum_dut, cout_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
