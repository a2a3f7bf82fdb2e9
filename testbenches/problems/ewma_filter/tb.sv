`timescale 1 ps/1 ps
// Self-checking testbench for ewma_filter: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg valid = 0;
  reg load = 0;
  reg [7:0] x = 0;
  wire [7:0] avg_ref, avg_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .valid(valid), .load(load), .x(x), .avg(avg_ref));
  TopModule dut (.clk(clk), .reset(reset), .valid(valid), .load(load), .x(x), .avg(avg_dut));

  task check;
    begin
      samples = samples + 1;
      if ({avg_ref} !== {avg_dut}) errors = errors + 1;
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
      reset = (($random & 31) == 0) ? 1 : 0;
      valid = ($random & 3) != 0;
      load = ($random & 31) == 0;
      x = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
