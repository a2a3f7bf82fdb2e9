`timescale 1 ps/1 ps
// Self-checking testbench for hamming74_decode: reference and candidate side by side.
module tb;
  reg [6:0] code;
  wire [3:0] d_ref, d_dut;
  wire [2:0] syndrome_ref, syndrome_dut;
  wire error_ref, error_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.code(code), .d(d_ref), .syndrome(syndrome_ref), .error(error_ref));
  TopModule dut (.code(code), .d(d_dut), .syndrome(syndrome_dut), .error(error_dut));

  initial begin
    for (i = 0; i < 128; i = i + 1) begin
      {code} = i;
      #5;
      samples = samples + 1;
      if ({d_ref, syndrome_ref, error_ref} !== {d_dut, syndrome_dut, error_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
