`timescale 1 ps/1 ps
// Self-checking testbench for bcd_counter_2digit: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg en = 0;
  wire [3:0] tens_ref, tens_dut;
  wire [3:0] ones_ref, ones_dut;
  wire carry_ref, carry_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .en(en), .tens(tens_ref), .ones(ones_ref), .carry(carry_ref));
  TopModule dut (.clk(clk), .reset(reset), .en(en), .tens(tens_dut), .ones(ones_dut), .carry(carry_dut));

  task check;
    begin
      samples = samples + 1;
      if ({tens_ref, ones_ref, carry_ref} !== {tens_dut, ones_dut, carry_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 700; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 1023) == 0) ? 1 : 0;
      en = ($random & 7) != 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
