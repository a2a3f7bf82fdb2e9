`timescale 1 ps/1 ps
// Self-checking testbench for bcd2_to_binary: reference and candidate side by side.
module tb;
  reg [7:0] bcd;
  wire [6:0] bin_ref, bin_dut;
  wire invalid_ref, invalid_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.bcd(bcd), .bin(bin_ref), .invalid(invalid_ref));
  TopModule dut (.bcd(bcd), .bin(bin_dut), .invalid(invalid_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {bcd} = i;
      #5;
      samples = samples + 1;
      if ({bin_ref, invalid_ref} !== {bin_dut, invalid_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
