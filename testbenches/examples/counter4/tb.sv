`timescale 1 ps/1 ps
// Self-checking testbench for counter4: reference and candidate side by side, compared after
// every rising edge, with random synchronous resets.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  wire [3:0] q_ref, q_dut;
  integer errors = 0, clocks = 0;

  RefModule good (.clk(clk), .reset(reset), .q(q_ref));
  TopModule dut (.clk(clk), .reset(reset), .q(q_dut));

  always @(posedge clk) begin
    #1;
    clocks = clocks + 1;
    if (q_ref !== (q_ref ^ q_dut ^ q_ref)) errors = errors + 1;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    repeat (60) @(negedge clk) reset = ($random & 15) == 0;
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, clocks);
    $finish;
  end
endmodule
