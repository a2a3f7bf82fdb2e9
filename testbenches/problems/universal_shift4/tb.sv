`timescale 1 ps/1 ps
// Self-checking testbench for universal_shift4: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg [1:0] mode = 0;
  reg sr_in = 0;
  reg sl_in = 0;
  reg [3:0] d = 0;
  wire [3:0] q_ref, q_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .mode(mode), .sr_in(sr_in), .sl_in(sl_in), .d(d), .q(q_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .mode(mode), .sr_in(sr_in), .sl_in(sl_in), .d(d), .q(q_dut));

  task check;
    begin
      samples = samples + 1;
      if ({q_ref} !== {q_dut}) errors = errors + 1;
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
      rst_n = (($random & 31) == 0) ? 0 : 1;
      mode = $random;
      sr_in = $random;
      sl_in = $random;
      d = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
