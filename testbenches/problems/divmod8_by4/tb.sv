`timescale 1 ps/1 ps
// Self-checking testbench for divmod8_by4: reference and candidate side by side.
module tb;
  reg [7:0] dividend;
  reg [3:0] divisor;
  wire [7:0] quotient_ref, quotient_dut;
  wire [3:0] remainder_ref, remainder_dut;
  wire div_zero_ref, div_zero_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.dividend(dividend), .divisor(divisor), .quotient(quotient_ref), .remainder(remainder_ref), .div_zero(div_zero_ref));
  TopModule dut (.dividend(dividend), .divisor(divisor), .quotient(quotient_dut), .remainder(remainder_dut), .div_zero(div_zero_dut));

  initial begin
    for (i = 0; i < 4096; i = i + 1) begin
      {dividend, divisor} = i;
      #5;
      samples = samples + 1;
      if ({quotient_ref, remainder_ref, div_zero_ref} !== {quotient_dut, remainder_dut, div_zero_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
