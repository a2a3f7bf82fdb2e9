`timescale 1 ps/1 ps
// Self-checking testbench for mux4: every select value with random data.
module tb;
  reg [7:0] a, b, c, d;
  reg [1:0] sel;
  wire [7:0] out_ref, out_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .c(c), .d(d), .sel(sel), .out(out_ref));
  TopModule dut (.a(a), .b(b), .c(c), .d(d), .sel(sel), .out(out_dut));

  initial begin
    for (i = 0; i < 200; i = i + 1) begin
      {a, b, c, d} = {$random, $random};
      sel = i[1:0];
      #5;
      samples = samples + 1;
      if (out_ref !== (out_ref ^ out_dut ^ out_ref)) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
