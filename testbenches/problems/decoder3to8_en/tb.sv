`timescale 1 ps/1 ps
// Self-checking testbench for decoder3to8_en: reference and candidate side by side.
module tb;
  reg [2:0] sel;
  reg en_n;
  wire [7:0] y_ref, y_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.sel(sel), .en_n(en_n), .y(y_ref));
  TopModule dut (.sel(sel), .en_n(en_n), .y(y_dut));

  initial begin
    for (i = 0; i < 16; i = i + 1) begin
      {sel, en_n} = i;
      #5;
      samples = samples + 1;
      if ({y_ref} !== {y_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
