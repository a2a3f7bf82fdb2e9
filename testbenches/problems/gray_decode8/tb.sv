`timescale 1 ps/1 ps
// Self-checking testbench for gray_decode8: reference and candidate side by side.
module tb;
  reg [7:0] gray;
  wire [7:0] bin_ref, bin_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.gray(gray), .bin(bin_ref));
  TopModule dut (.gray(gray), .bin(bin_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {gray} = i;
      #5;
      samples = samples + 1;
      if ({bin_ref} !== {bin_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
