`timescale 1 ps/1 ps
// Self-checking testbench for immediate_extend: reference and candidate side by side.
module tb;
  reg [11:0] imm;
  reg [1:0] fmt;
  wire [31:0] ext_ref, ext_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.imm(imm), .fmt(fmt), .ext(ext_ref));
  TopModule dut (.imm(imm), .fmt(fmt), .ext(ext_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {imm, fmt} = 0;
      else if (i == 1) {imm, fmt} = ~14'd0;
      else begin
        {imm, fmt} = {$random};
      end
      #5;
      samples = samples + 1;
      if ({ext_ref} !== {ext_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
