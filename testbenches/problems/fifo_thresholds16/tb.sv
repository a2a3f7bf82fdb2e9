`timescale 1 ps/1 ps
// Self-checking testbench for fifo_thresholds16: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg resetn = 0;
  reg wr = 0;
  reg rd = 0;
  reg [3:0] din = 0;
  wire [3:0] dout_ref, dout_dut;
  wire [4:0] level_ref, level_dut;
  wire empty_ref, empty_dut;
  wire full_ref, full_dut;
  wire almost_empty_ref, almost_empty_dut;
  wire almost_full_ref, almost_full_dut;
  reg bias = 0;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .resetn(resetn), .wr(wr), .rd(rd), .din(din), .dout(dout_ref), .level(level_ref), .empty(empty_ref), .full(full_ref), .almost_empty(almost_empty_ref), .almost_full(almost_full_ref));
  TopModule dut (.clk(clk), .resetn(resetn), .wr(wr), .rd(rd), .din(din), .dout(dout_dut), .level(level_dut), .empty(empty_dut), .full(full_dut), .almost_empty(almost_empty_dut), .almost_full(almost_full_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dout_ref, level_ref, empty_ref, full_ref, almost_empty_ref, almost_full_ref} !== {dout_dut, level_dut, empty_dut, full_dut, almost_empty_dut, almost_full_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    resetn = 1;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
      @(negedge clk);
      resetn = (($random & 1023) == 0) ? 0 : 1;
      if (($random & 31) == 0) bias = ~bias;
      wr = bias ? ($random & 3) != 0 : ($random & 3) == 0;
      rd = bias ? ($random & 3) == 0 : ($random & 3) != 0;
      din = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
