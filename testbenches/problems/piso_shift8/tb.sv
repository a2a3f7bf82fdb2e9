`timescale 1 ps/1 ps
// Self-checking testbench for piso_shift8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg load = 0;
  reg shift = 0;
  reg [7:0] din = 0;
  wire sout_ref, sout_dut;
  wire empty_ref, empty_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .load(load), .shift(shift), .din(din), .sout(sout_ref), .empty(empty_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .load(load), .shift(shift), .din(din), .sout(sout_dut), .empty(empty_dut));

  task check;
    begin
      samples = samples + 1;
      if ({sout_ref, empty_ref} !== {sout_dut, empty_dut}) errors = errors + 1;
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
      load = ($random & 7) == 0;
      shift = ($random & 3) != 0;
      din = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
