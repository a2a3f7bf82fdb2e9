`timescale 1 ps/1 ps
// Self-checking testbench for signmag_to_twos: reference and candidate side by side.
module tb;
  reg [7:0] sm;
  wire [7:0] twos_ref, twos_dut;
  wire neg_zero_ref, neg_zero_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.sm(sm), .twos(twos_ref), .neg_zero(neg_zero_ref));
  TopModule dut (.sm(sm), .twos(twos_dut), .neg_zero(neg_zero_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {sm} = i;
      #5;
      samples = samples + 1;
      if ({twos_ref, neg_zero_ref} !== {twos_dut, neg_zero_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
