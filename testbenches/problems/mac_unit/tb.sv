`timescale 1 ps/1 ps
// Self-checking testbench for mac_unit: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg clear = 0;
  reg en = 0;
  reg [7:0] a = 0;
  reg [7:0] b = 0;
  wire [19:0] acc_ref, acc_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .clear(clear), .en(en), .a(a), .b(b), .acc(acc_ref));
  TopModule dut (.clk(clk), .reset(reset), .clear(clear), .en(en), .a(a), .b(b), .acc(acc_dut));

  task check;
    begin
      samples = samples + 1;
      if ({acc_ref} !== {acc_dut}) errors = errors + 1;
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
      reset = (($random & 1023) == 0) ? 1 : 0;
      clear = ($random & 63) == 0;
      en = ($random & 3) != 0;
      a = $random;
      b = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
