`timescale 1 ps/1 ps
// Self-checking testbench for accumulator_clear16: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg clear = 0;
  reg en = 0;
  reg [7:0] din = 0;
  wire [15:0] acc_ref, acc_dut;
  wire wrapped_ref, wrapped_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .clear(clear), .en(en), .din(din), .acc(acc_ref), .wrapped(wrapped_ref));
  TopModule dut (.clk(clk), .reset(reset), .clear(clear), .en(en), .din(din), .acc(acc_dut), .wrapped(wrapped_dut));

  task check;
    begin
      samples = samples + 1;
      if ({acc_ref, wrapped_ref} !== {acc_dut, wrapped_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 4095) == 0) ? 1 : 0;
      clear = ($random & 255) == 0;
      en = ($random & 7) != 0;
      din = ($random & 1) ? 8'hff : $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
