`timescale 1 ps/1 ps
// Self-checking testbench for alu8_ops: reference and candidate side by side.
module tb;
  reg [7:0] a;
  reg [7:0] b;
  reg [2:0] op;
  wire [7:0] y_ref, y_dut;
  wire zero_ref, zero_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .op(op), .y(y_ref), .zero(zero_ref));
  TopModule dut (.a(a), .b(b), .op(op), .y(y_dut), .zero(zero_dut));

  initial begin
    for (i = 0; i < 1500; i = i + 1) begin
      if (i == 0) {a, b, op} = 0;
      else if (i == 1) {a, b, op} = ~19'd0;
      else begin
        {a, b, op} = {$random};
      end
      #5;
      samples = samples + 1;
      if ({y_ref, zero_ref} !== {y_dut, zero_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
