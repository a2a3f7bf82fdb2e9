`timescale 1 ps/1 ps
// Self-checking testbench for lfsr8_fibonacci: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg en = 0;
  wire [7:0] out_ref, out_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .en(en), .out(out_ref));
  TopModule dut (.clk(clk), .reset(reset), .en(en), .out(out_dut));

  task check;
    begin
      samples = samples + 1;
      if ({out_ref} !== {out_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 127) == 0) ? 1 : 0;
      en = ($random & 7) != 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
