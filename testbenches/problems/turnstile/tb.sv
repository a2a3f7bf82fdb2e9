`timescale 1 ps/1 ps
// Self-checking testbench for turnstile: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg coin = 0;
  reg push = 0;
  reg service = 0;
  wire locked_ref, locked_dut;
  wire alarm_ref, alarm_dut;
  wire [7:0] coins_ref, coins_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .coin(coin), .push(push), .service(service), .locked(locked_ref), .alarm(alarm_ref), .coins(coins_ref));
  TopModule dut (.clk(clk), .areset(areset), .coin(coin), .push(push), .service(service), .locked(locked_dut), .alarm(alarm_dut), .coins(coins_dut));

  task check;
    begin
      samples = samples + 1;
      if ({locked_ref, alarm_ref, coins_ref} !== {locked_dut, alarm_dut, coins_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 127) == 0) ? 1 : 0;
      coin = ($random & 3) == 0;
      push = ($random & 3) == 0;
      service = ($random & 7) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
