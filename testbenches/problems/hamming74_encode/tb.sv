`timescale 1 ps/1 ps
// Self-checking testbench for hamming74_encode: reference and candidate side by side.
module tb;
  reg [3:0] d;
  wire [6:0] code_ref, code_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.d(d), .code(code_ref));
  TopModule dut (.d(d), .code(code_dut));

  initial begin
    for (i = 0; i < 16; i = i + 1) begin
      {d} = i;
      #5;
      samples = samples + 1;
      if ({code_ref} !== {code_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
