`timescale 1 ps/1 ps
// Self-checking testbench for sipo_shift8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg shift = 0;
  reg sin = 0;
  wire [7:0] q_ref, q_dut;
  wire full_ref, full_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .shift(shift), .sin(sin), .q(q_ref), .full(full_ref));
  TopModule dut (.clk(clk), .reset(reset), .shift(shift), .sin(sin), .q(q_dut), .full(full_dut));

  task check;
    begin
      samples = samples + 1;
      if ({q_ref, full_ref} !== {q_dut, full_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 63) == 0) ? 1 : 0;
      shift = ($random & 3) != 0;
      sin = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
