`timescale 1 ps/1 ps
// Self-checking testbench for dot_product4: reference and candidate side by side.
module tb;
  reg [15:0] a;
  reg [15:0] b;
  wire [9:0] dot_ref, dot_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .dot(dot_ref));
  TopModule dut (.a(a), .b(b), .dot(dot_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b} = 0;
      else if (i == 1) {a, b} = ~32'd0;
      else begin
        {a, b} = {$random};
      end
      #5;
      samples = samples + 1;
      if ({dot_ref} !== {dot_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
