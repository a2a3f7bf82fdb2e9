`timescale 1 ps/1 ps
// Self-checking testbench for count_010_overlap: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg x = 0;
  wire [7:0] count_ref, count_dut;
  wire hit_ref, hit_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .x(x), .count(count_ref), .hit(hit_ref));
  TopModule dut (.clk(clk), .areset(areset), .x(x), .count(count_dut), .hit(hit_dut));

  task check;
    begin
      samples = samples + 1;
      if ({count_ref, hit_ref} !== {count_dut, hit_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 15) == 0) ? 1 : 0;
      x = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
