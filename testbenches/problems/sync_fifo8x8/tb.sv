`timescale 1 ps/1 ps
// Self-checking testbench for sync_fifo8x8: alternating fill and drain phases so that full and empty are both reached.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg push = 0;
  reg pop = 0;
  reg [7:0] din = 0;
  wire [7:0] dout_ref, dout_dut;
  wire full_ref, full_dut;
  wire empty_ref, empty_dut;
  wire [3:0] count_ref, count_dut;
  reg bias = 0;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .push(push), .pop(pop), .din(din), .dout(dout_ref), .full(full_ref), .empty(empty_ref), .count(count_ref));
  TopModule dut (.clk(clk), .reset(reset), .push(push), .pop(pop), .din(din), .dout(dout_dut), .full(full_dut), .empty(empty_dut), .count(count_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dout_ref, full_ref, empty_ref, count_ref} !== {dout_dut, full_dut, empty_dut, count_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 511) == 0) ? 1 : 0;
      if (($random & 31) == 0) bias = ~bias;
      push = bias ? ($random & 3) != 0 : ($random & 3) == 0;
      pop = bias ? ($random & 3) == 0 : ($random & 3) != 0;
      din = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
