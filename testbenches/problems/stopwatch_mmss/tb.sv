`timescale 1 ps/1 ps
// Self-checking testbench for stopwatch_mmss: one hour of ticks with no reset after the first.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg run = 0;
  reg tick = 0;
  wire [3:0] min_t_ref, min_t_dut;
  wire [3:0] min_o_ref, min_o_dut;
  wire [3:0] sec_t_ref, sec_t_dut;
  wire [3:0] sec_o_ref, sec_o_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .run(run), .tick(tick), .min_t(min_t_ref), .min_o(min_o_ref), .sec_t(sec_t_ref), .sec_o(sec_o_ref));
  TopModule dut (.clk(clk), .reset(reset), .run(run), .tick(tick), .min_t(min_t_dut), .min_o(min_o_dut), .sec_t(sec_t_dut), .sec_o(sec_o_dut));

  task check;
    begin
      samples = samples + 1;
      if ({min_t_ref, min_o_ref, sec_t_ref, sec_o_ref} !== {min_t_dut, min_o_dut, sec_t_dut, sec_o_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 3700; cycle = cycle + 1) begin
      @(negedge clk);
      run = 1;
      tick = 1;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
