`timescale 1 ps/1 ps
// Self-checking testbench for uart_tx_8n1: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg start = 0;
  reg [7:0] data = 0;
  wire tx_ref, tx_dut;
  wire busy_ref, busy_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .start(start), .data(data), .tx(tx_ref), .busy(busy_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .start(start), .data(data), .tx(tx_dut), .busy(busy_dut));

  task check;
    begin
      samples = samples + 1;
      if ({tx_ref, busy_ref} !== {tx_dut, busy_dut}) errors = errors + 1;
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
      start = ($random & 3) == 0;
      data = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
