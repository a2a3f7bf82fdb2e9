`timescale 1 ps/1 ps
// Self-checking testbench for sub16_borrow: reference and candidate side by side.
module tb;
  reg [15:0] a;
  reg [15:0] b;
  reg bin;
  wire [15:0] diff_ref, diff_dut;
  wire bout_ref, bout_dut;
  wire lt_signed_ref, lt_signed_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .bin(bin), .diff(diff_ref), .bout(bout_ref), .lt_signed(lt_signed_ref));
  TopModule dut (.a(a), .b(b), .bin(bin), .diff(diff_dut), .bout(bout_dut), .lt_signed(lt_signed_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b, bin} = 0;
      else if (i == 1) {a, b, bin} = ~33'd0;
      else begin
        {a, b, bin} = {$random, $random};
        b = ($random & 3) ? $random : a;
      end
      #5;
      samples = samples + 1;
      if ({diff_ref, bout_ref, lt_signed_ref} !== {diff_dut, bout_dut, lt_signed_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
