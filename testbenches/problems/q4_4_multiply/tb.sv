`timescale 1 ps/1 ps
// Self-checking testbench for q4_4_multiply: reference and candidate side by side.
module tb;
  reg [7:0] a;
  reg [7:0] b;
  wire [7:0] y_ref, y_dut;
  wire ovf_ref, ovf_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .y(y_ref), .ovf(ovf_ref));
  TopModule dut (.a(a), .b(b), .y(y_dut), .ovf(ovf_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b} = 0;
      else if (i == 1) {a, b} = ~16'd0;
      else begin
        {a, b} = {$random};
        a = ($random & 1) ? $random : ($random % 48);
        b = ($random & 1) ? $random : ($random % 48);
      end
      #5;
      samples = samples + 1;
      if ({y_ref, ovf_ref} !== {y_dut, ovf_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
