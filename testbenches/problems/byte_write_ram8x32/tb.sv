`timescale 1 ps/1 ps
// Self-checking testbench for byte_write_ram8x32: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg we = 0;
  reg [3:0] be = 0;
  reg [2:0] addr = 0;
  reg [31:0] wdata = 0;
  wire [31:0] rdata_ref, rdata_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .we(we), .be(be), .addr(addr), .wdata(wdata), .rdata(rdata_ref));
  TopModule dut (.clk(clk), .reset(reset), .we(we), .be(be), .addr(addr), .wdata(wdata), .rdata(rdata_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rdata_ref} !== {rdata_dut}) errors = errors + 1;
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
      reset = (($random & 255) == 0) ? 1 : 0;
      we = $random;
      be = $random;
      addr = $random;
      wdata = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
