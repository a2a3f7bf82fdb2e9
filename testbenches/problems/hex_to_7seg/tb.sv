`timescale 1 ps/1 ps
// Self-checking testbench for hex_to_7seg: reference and candidate side by side.
module tb;
  reg [3:0] digit;
  reg blank;
  wire [6:0] seg_n_ref, seg_n_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.digit(digit), .blank(blank), .seg_n(seg_n_ref));
  TopModule dut (.digit(digit), .blank(blank), .seg_n(seg_n_dut));

  initial begin
    for (i = 0; i < 32; i = i + 1) begin
      {digit, blank} = i;
      #5;
      samples = samples + 1;
      if ({seg_n_ref} !== {seg_n_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
