`timescale 1 ps/1 ps
// Self-checking testbench for times10_shift: reference and candidate side by side.
module tb;
  reg [7:0] x;
  wire [11:0] y10_ref, y10_dut;
  wire [9:0] y3_ref, y3_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.x(x), .y10(y10_ref), .y3(y3_ref));
  TopModule dut (.x(x), .y10(y10_dut), .y3(y3_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {x} = i;
      #5;
      samples = samples + 1;
      if ({y10_ref, y3_ref} !== {y10_dut, y3_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
