`timescale 1 ps/1 ps
// Self-checking testbench for thermometer_encode: reference and candidate side by side.
module tb;
  reg [3:0] n;
  wire [14:0] therm_ref, therm_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.n(n), .therm(therm_ref));
  TopModule dut (.n(n), .therm(therm_dut));

  initial begin
    for (i = 0; i < 16; i = i + 1) begin
      {n} = i;
      #5;
      samples = samples + 1;
      if ({therm_ref} !== {therm_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
