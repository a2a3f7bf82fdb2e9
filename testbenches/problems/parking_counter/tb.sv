`timescale 1 ps/1 ps
// Self-checking testbench for parking_counter: cars entering and leaving, with some abandoned sequences.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg a = 0;
  reg b = 0;
  wire [3:0] count_ref, count_dut;
  reg [2:0] ph = 0;
  reg dir = 0;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .a(a), .b(b), .count(count_ref));
  TopModule dut (.clk(clk), .reset(reset), .a(a), .b(b), .count(count_dut));

  task check;
    begin
      samples = samples + 1;
      if ({count_ref} !== {count_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 1500; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 4095) == 0) ? 1 : 0;
      if (($random & 3) != 0) ph = (ph == 3'd4 || ($random & 15) == 0) ? 3'd0 : ph + 3'd1;
      if (ph == 3'd0) dir = $random;
      a = dir ? (ph == 3'd2 || ph == 3'd3) : (ph == 3'd1 || ph == 3'd2);
      b = dir ? (ph == 3'd1 || ph == 3'd2) : (ph == 3'd2 || ph == 3'd3);
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
