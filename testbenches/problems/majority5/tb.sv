`timescale 1 ps/1 ps
// Self-checking testbench for majority5: reference and candidate side by side.
module tb;
  reg [4:0] in;
  wire maj_ref, maj_dut;
  wire unanimous_ref, unanimous_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.in(in), .maj(maj_ref), .unanimous(unanimous_ref));
  TopModule dut (.in(in), .maj(maj_dut), .unanimous(unanimous_dut));

  initial begin
    for (i = 0; i < 32; i = i + 1) begin
      {in} = i;
      #5;
      samples = samples + 1;
      if ({maj_ref, unanimous_ref} !== {maj_dut, unanimous_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
