`timescale 1 ps/1 ps
// Self-checking testbench for sat_add_signed8: reference and candidate side by side.
module tb;
  reg [7:0] a;
  reg [7:0] b;
  wire [7:0] sum_ref, sum_dut;
  wire sat_ref, sat_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .sum(sum_ref), .sat(sat_ref));
  TopModule dut (.a(a), .b(b), .sum(sum_dut), .sat(sat_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b} = 0;
      else if (i == 1) {a, b} = ~16'd0;
      else begin
        {a, b} = {$random};
        b = ($random & 1) ? $random : (a[7] ? 8'h80 : 8'h7f) - ($random & 7);
      end
      #5;
      samples = samples + 1;
      if ({sum_ref, sat_ref} !== {sum_dut, sat_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
