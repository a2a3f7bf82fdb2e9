`timescale 1 ps/1 ps
// Self-checking testbench for clamp_signed12: reference and candidate side by side.
module tb;
  reg [11:0] x;
  reg [11:0] lo;
  reg [11:0] hi;
  wire [11:0] y_ref, y_dut;
  wire low_hit_ref, low_hit_dut;
  wire high_hit_ref, high_hit_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.x(x), .lo(lo), .hi(hi), .y(y_ref), .low_hit(low_hit_ref), .high_hit(high_hit_ref));
  TopModule dut (.x(x), .lo(lo), .hi(hi), .y(y_dut), .low_hit(low_hit_dut), .high_hit(high_hit_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {x, lo, hi} = 0;
      else if (i == 1) {x, lo, hi} = ~36'd0;
      else begin
        {x, lo, hi} = {$random, $random};
        lo = -($random & 511);
        hi = ($random & 1) ? ($random & 511) : -($random & 63);
      end
      #5;
      samples = samples + 1;
      if ({y_ref, low_hit_ref, high_hit_ref} !== {y_dut, low_hit_dut, high_hit_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
