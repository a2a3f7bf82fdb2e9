`timescale 1 ps/1 ps
// Self-checking testbench for fletcher16: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg init = 0;
  reg valid = 0;
  reg [7:0] d = 0;
  wire [15:0] checksum_ref, checksum_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .init(init), .valid(valid), .d(d), .checksum(checksum_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .init(init), .valid(valid), .d(d), .checksum(checksum_dut));

  task check;
    begin
      samples = samples + 1;
      if ({checksum_ref} !== {checksum_dut}) errors = errors + 1;
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
      rst_n = (($random & 1023) == 0) ? 0 : 1;
      init = ($random & 63) == 0;
      valid = ($random & 3) != 0;
      d = ($random & 1) ? 8'hff : $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
