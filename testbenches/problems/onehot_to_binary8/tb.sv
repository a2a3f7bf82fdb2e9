`timescale 1 ps/1 ps
// Self-checking testbench for onehot_to_binary8: reference and candidate side by side.
module tb;
  reg [7:0] onehot;
  wire [2:0] bin_ref, bin_dut;
  wire error_ref, error_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.onehot(onehot), .bin(bin_ref), .error(error_ref));
  TopModule dut (.onehot(onehot), .bin(bin_dut), .error(error_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {onehot} = i;
      #5;
      samples = samples + 1;
      if ({bin_ref, error_ref} !== {bin_dut, error_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
