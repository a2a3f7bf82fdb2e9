`timescale 1 ps/1 ps
// Self-checking testbench for code_lock_371: keys biased towards the code digits.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg key_valid = 0;
  reg [3:0] key = 0;
  reg lock = 0;
  wire unlocked_ref, unlocked_dut;
  wire [1:0] progress_ref, progress_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .key_valid(key_valid), .key(key), .lock(lock), .unlocked(unlocked_ref), .progress(progress_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .key_valid(key_valid), .key(key), .lock(lock), .unlocked(unlocked_dut), .progress(progress_dut));

  task check;
    begin
      samples = samples + 1;
      if ({unlocked_ref, progress_ref} !== {unlocked_dut, progress_dut}) errors = errors + 1;
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
      rst_n = (($random & 255) == 0) ? 0 : 1;
      key_valid = ($random & 1);
      key = (($random & 1) ? (($random & 1) ? 4'd3 : (($random & 1) ? 4'd7 : 4'd1)) : $random);
      lock = ($random & 31) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
