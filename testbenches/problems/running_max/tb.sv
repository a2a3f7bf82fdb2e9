`timescale 1 ps/1 ps
// Self-checking testbench for running_max: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg sample_valid = 0;
  reg [7:0] sample = 0;
  wire [7:0] max_ref, max_dut;
  wire [7:0] count_ref, count_dut;
  wire new_max_ref, new_max_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .sample_valid(sample_valid), .sample(sample), .max(max_ref), .count(count_ref), .new_max(new_max_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .sample_valid(sample_valid), .sample(sample), .max(max_dut), .count(count_dut), .new_max(new_max_dut));

  task check;
    begin
      samples = samples + 1;
      if ({max_ref, count_ref, new_max_ref} !== {max_dut, count_dut, new_max_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 1023) == 0) ? 0 : 1;
      sample_valid = ($random & 1);
      sample = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
