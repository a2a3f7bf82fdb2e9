`timescale 1 ps/1 ps
// Self-checking testbench for round_robin_arbiter4: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg [3:0] req = 0;
  wire [3:0] grant_ref, grant_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .req(req), .grant(grant_ref));
  TopModule dut (.clk(clk), .reset(reset), .req(req), .grant(grant_dut));

  task check;
    begin
      samples = samples + 1;
      if ({grant_ref} !== {grant_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 31) == 0) ? 1 : 0;
      req = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
