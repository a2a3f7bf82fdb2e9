`timescale 1 ps/1 ps
// Self-checking testbench for rise_detect. The first two cycles have unknown history, which
// the X-tolerant comparison (an X in the reference matches anything) absorbs.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg [7:0] in = 0;
  wire [7:0] pedge_ref, pedge_dut;
  integer errors = 0, clocks = 0;

  RefModule good (.clk(clk), .in(in), .pedge(pedge_ref));
  TopModule dut (.clk(clk), .in(in), .pedge(pedge_dut));

  always @(posedge clk) begin
    #1;
    clocks = clocks + 1;
    if (pedge_ref !== (pedge_ref ^ pedge_dut ^ pedge_ref)) errors = errors + 1;
  end

  initial begin
    repeat (80) @(negedge clk) in = $random;
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, clocks);
    $finish;
  end
endmodule
