`timescale 1 ps/1 ps
// Self-checking testbench for mod12_counter: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  wire [3:0] count_ref, count_dut;
  wire tc_ref, tc_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .count(count_ref), .tc(tc_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .count(count_dut), .tc(tc_dut));

  task check;
    begin
      samples = samples + 1;
      if ({count_ref, tc_ref} !== {count_dut, tc_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 63) == 0) ? 0 : 1;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
