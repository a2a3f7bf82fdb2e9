`timescale 1 ps/1 ps
// Self-checking testbench for seq_multiplier8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg start = 0;
  reg [7:0] a = 0;
  reg [7:0] b = 0;
  wire busy_ref, busy_dut;
  wire done_ref, done_dut;
  wire [15:0] product_ref, product_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .start(start), .a(a), .b(b), .busy(busy_ref), .done(done_ref), .product(product_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .start(start), .a(a), .b(b), .busy(busy_dut), .done(done_dut), .product(product_dut));

  task check;
    begin
      samples = samples + 1;
      if ({busy_ref, done_ref, product_ref} !== {busy_dut, done_dut, product_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 1023) == 0) ? 0 : 1;
      start = ($random & 3) == 0;
      a = $random;
      b = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
