`timescale 1 ps/1 ps
// Self-checking testbench for detect_110_mealy: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg x = 0;
  wire z_ref, z_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .x(x), .z(z_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .x(x), .z(z_dut));

  task check;
    begin
      samples = samples + 1;
      if ({z_ref} !== {z_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 15) == 0) ? 0 : 1;
      x = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
