`timescale 1 ps/1 ps
// Self-checking testbench for max_of_three: reference and candidate side by side.
module tb;
  reg [7:0] a;
  reg [7:0] b;
  reg [7:0] c;
  wire [7:0] max_ref, max_dut;
  wire [1:0] which_ref, which_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .c(c), .max(max_ref), .which(which_ref));
  TopModule dut (.a(a), .b(b), .c(c), .max(max_dut), .which(which_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b, c} = 0;
      else if (i == 1) {a, b, c} = ~24'd0;
      else begin
        {a, b, c} = {$random};
        b = ($random & 3) ? $random : a;
        c = ($random & 3) ? $random : b;
      end
      #5;
      samples = samples + 1;
      if ({max_ref, which_ref} !== {max_dut, which_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
