`timescale 1 ps/1 ps
// Self-checking testbench for addsub8_flags: reference and candidate side by side.
module tb;
  reg [7:0] a;
  reg [7:0] b;
  reg sub;
  wire [7:0] result_ref, result_dut;
  wire carry_ref, carry_dut;
  wire overflow_ref, overflow_dut;
  wire zero_ref, zero_dut;
  wire negative_ref, negative_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .sub(sub), .result(result_ref), .carry(carry_ref), .overflow(overflow_ref), .zero(zero_ref), .negative(negative_ref));
  TopModule dut (.a(a), .b(b), .sub(sub), .result(result_dut), .carry(carry_dut), .overflow(overflow_dut), .zero(zero_dut), .negative(negative_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b, sub} = 0;
      else if (i == 1) {a, b, sub} = ~17'd0;
      else begin
        {a, b, sub} = {$random};
      end
      #5;
      samples = samples + 1;
      if ({result_ref, carry_ref, overflow_ref, zero_ref, negative_ref} !== {result_dut, carry_dut, overflow_dut, zero_dut, negative_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
