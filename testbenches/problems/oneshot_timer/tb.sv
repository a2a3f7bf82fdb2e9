`timescale 1 ps/1 ps
// Self-checking testbench for oneshot_timer: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg start = 0;
  reg [5:0] len = 0;
  wire busy_ref, busy_dut;
  wire done_ref, done_dut;
  wire [5:0] remaining_ref, remaining_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .start(start), .len(len), .busy(busy_ref), .done(done_ref), .remaining(remaining_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .start(start), .len(len), .busy(busy_dut), .done(done_dut), .remaining(remaining_dut));

  task check;
    begin
      samples = samples + 1;
      if ({busy_ref, done_ref, remaining_ref} !== {busy_dut, done_dut, remaining_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 255) == 0) ? 0 : 1;
      start = ($random & 31) == 0;
      len = $random & 15;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
