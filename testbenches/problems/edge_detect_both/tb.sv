`timescale 1 ps/1 ps
// Self-checking testbench for edge_detect_both: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg in = 0;
  wire rise_ref, rise_dut;
  wire fall_ref, fall_dut;
  wire toggle_ref, toggle_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .in(in), .rise(rise_ref), .fall(fall_ref), .toggle(toggle_ref));
  TopModule dut (.clk(clk), .reset(reset), .in(in), .rise(rise_dut), .fall(fall_dut), .toggle(toggle_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rise_ref, fall_ref, toggle_ref} !== {rise_dut, fall_dut, toggle_dut}) errors = errors + 1;
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
      reset = (($random & 31) == 0) ? 1 : 0;
      in = ($random & 3) ? in : ~in;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
