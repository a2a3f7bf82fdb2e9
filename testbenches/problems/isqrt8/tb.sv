`timescale 1 ps/1 ps
// Self-checking testbench for isqrt8: reference and candidate side by side.
module tb;
  reg [7:0] x;
  wire [3:0] root_ref, root_dut;
  wire exact_ref, exact_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.x(x), .root(root_ref), .exact(exact_ref));
  TopModule dut (.x(x), .root(root_dut), .exact(exact_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {x} = i;
      #5;
      samples = samples + 1;
      if ({root_ref, exact_ref} !== {root_dut, exact_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
