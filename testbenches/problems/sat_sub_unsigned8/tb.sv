`timescale 1 ps/1 ps
// Self-checking testbench for sat_sub_unsigned8: reference and candidate side by side.
module tb;
  reg [7:0] a;
  reg [7:0] b;
  wire [7:0] diff_ref, diff_dut;
  wire clipped_ref, clipped_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .diff(diff_ref), .clipped(clipped_ref));
  TopModule dut (.a(a), .b(b), .diff(diff_dut), .clipped(clipped_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b} = 0;
      else if (i == 1) {a, b} = ~16'd0;
      else begin
        {a, b} = {$random};
        b = ($random & 1) ? $random : a;
      end
      #5;
      samples = samples + 1;
      if ({diff_ref, clipped_ref} !== {diff_dut, clipped_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
