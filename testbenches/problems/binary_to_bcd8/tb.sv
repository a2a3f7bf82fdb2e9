`timescale 1 ps/1 ps
// Self-checking testbench for binary_to_bcd8: reference and candidate side by side.
module tb;
  reg [7:0] bin;
  wire [11:0] bcd_ref, bcd_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.bin(bin), .bcd(bcd_ref));
  TopModule dut (.bin(bin), .bcd(bcd_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {bin} = i;
      #5;
      samples = samples + 1;
      if ({bcd_ref} !== {bcd_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
