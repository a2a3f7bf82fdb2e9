`timescale 1 ps/1 ps
// Self-checking testbench for parity_gen8: reference and candidate side by side.
module tb;
  reg [7:0] data;
  reg odd;
  wire parity_ref, parity_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.data(data), .odd(odd), .parity(parity_ref));
  TopModule dut (.data(data), .odd(odd), .parity(parity_dut));

  initial begin
    for (i = 0; i < 512; i = i + 1) begin
      {data, odd} = i;
      #5;
      samples = samples + 1;
      if ({parity_ref} !== {parity_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
