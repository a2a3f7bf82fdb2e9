`timescale 1 ps/1 ps
// Self-checking testbench for i2c_start_stop: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg scl = 0;
  reg sda = 0;
  wire start_ref, start_dut;
  wire stop_ref, stop_dut;
  wire busy_ref, busy_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .scl(scl), .sda(sda), .start(start_ref), .stop(stop_ref), .busy(busy_ref));
  TopModule dut (.clk(clk), .reset(reset), .scl(scl), .sda(sda), .start(start_dut), .stop(stop_dut), .busy(busy_dut));

  task check;
    begin
      samples = samples + 1;
      if ({start_ref, stop_ref, busy_ref} !== {start_dut, stop_dut, busy_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 31) == 0) ? 1 : 0;
      scl = (($random & 3) == 0) ? ~scl : scl;
      sda = (($random & 3) == 0) ? ~sda : sda;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
