`timescale 1 ps/1 ps
// Self-checking testbench for compare_signed8: reference and candidate side by side.
module tb;
  reg [7:0] a;
  reg [7:0] b;
  wire lt_ref, lt_dut;
  wire eq_ref, eq_dut;
  wire gt_ref, gt_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .lt(lt_ref), .eq(eq_ref), .gt(gt_ref));
  TopModule dut (.a(a), .b(b), .lt(lt_dut), .eq(eq_dut), .gt(gt_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b} = 0;
      else if (i == 1) {a, b} = ~16'd0;
      else begin
        {a, b} = {$random};
        b = ($random & 1) ? a : $random;
      end
      #5;
      samples = samples + 1;
      if ({lt_ref, eq_ref, gt_ref} !== {lt_dut, eq_dut, gt_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
