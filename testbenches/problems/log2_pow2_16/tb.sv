`timescale 1 ps/1 ps
// Self-checking testbench for log2_pow2_16: reference and candidate side by side.
module tb;
  reg [15:0] x;
  wire [3:0] log2_ref, log2_dut;
  wire is_pow2_ref, is_pow2_dut;
  wire zero_ref, zero_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.x(x), .log2(log2_ref), .is_pow2(is_pow2_ref), .zero(zero_ref));
  TopModule dut (.x(x), .log2(log2_dut), .is_pow2(is_pow2_dut), .zero(zero_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {x} = 0;
      else if (i == 1) {x} = ~16'd0;
      else begin
        {x} = {$random};
        x = ($random & 1) ? (16'd1 << ($random & 15)) : ($random >> ($random & 15));
      end
      #5;
      samples = samples + 1;
      if ({log2_ref, is_pow2_ref, zero_ref} !== {log2_dut, is_pow2_dut, zero_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
