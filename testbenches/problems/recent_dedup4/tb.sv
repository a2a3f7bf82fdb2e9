`timescale 1 ps/1 ps
// Self-checking testbench for recent_dedup4: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg valid = 0;
  reg [7:0] din = 0;
  wire dup_ref, dup_dut;
  wire [2:0] stored_ref, stored_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .valid(valid), .din(din), .dup(dup_ref), .stored(stored_ref));
  TopModule dut (.clk(clk), .reset(reset), .valid(valid), .din(din), .dup(dup_dut), .stored(stored_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dup_ref, stored_ref} !== {dup_dut, stored_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 63) == 0) ? 1 : 0;
      valid = $random;
      din = $random & 7;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
