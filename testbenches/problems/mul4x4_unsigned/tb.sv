`timescale 1 ps/1 ps
// Self-checking testbench for mul4x4_unsigned: reference and candidate side by side.
module tb;
  reg [3:0] a;
  reg [3:0] b;
  wire [7:0] product_ref, product_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .product(product_ref));
  TopModule dut (.a(a), .b(b), .product(product_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {a, b} = i;
      #5;
      samples = samples + 1;
      if ({product_ref} !== {product_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
