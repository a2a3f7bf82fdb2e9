`timescale 1 ps/1 ps
// Self-checking testbench for ones_complement_add16: reference and candidate side by side.
module tb;
  reg [15:0] a;
  reg [15:0] b;
  wire [15:0] sum_ref, sum_dut;
  wire [15:0] checksum_ref, checksum_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .sum(sum_ref), .checksum(checksum_ref));
  TopModule dut (.a(a), .b(b), .sum(sum_dut), .checksum(checksum_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b} = 0;
      else if (i == 1) {a, b} = ~32'd0;
      else begin
        {a, b} = {$random};
        b = ($random & 3) ? $random : ~a;
      end
      #5;
      samples = samples + 1;
      if ({sum_ref, checksum_ref} !== {sum_dut, checksum_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
