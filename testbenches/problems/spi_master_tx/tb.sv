`timescale 1 ps/1 ps
// Self-checking testbench for spi_master_tx: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg start = 0;
  reg [7:0] data = 0;
  wire sclk_ref, sclk_dut;
  wire mosi_ref, mosi_dut;
  wire cs_n_ref, cs_n_dut;
  wire done_ref, done_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .start(start), .data(data), .sclk(sclk_ref), .mosi(mosi_ref), .cs_n(cs_n_ref), .done(done_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .start(start), .data(data), .sclk(sclk_dut), .mosi(mosi_dut), .cs_n(cs_n_dut), .done(done_dut));

  task check;
    begin
      samples = samples + 1;
      if ({sclk_ref, mosi_ref, cs_n_ref, done_ref} !== {sclk_dut, mosi_dut, cs_n_dut, done_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
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
