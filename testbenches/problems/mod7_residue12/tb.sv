`timescale 1 ps/1 ps
// Self-checking testbench for mod7_residue12: reference and candidate side by side.
module tb;
  reg [11:0] x;
  wire [2:0] r_ref, r_dut;
  wire div7_ref, div7_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.x(x), .r(r_ref), .div7(div7_ref));
  TopModule dut (.x(x), .r(r_dut), .div7(div7_dut));

  initial begin
    for (i = 0; i < 4096; i = i + 1) begin
      {x} = i;
      #5;
      samples = samples + 1;
      if ({r_ref, div7_ref} !== {r_dut, div7_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
