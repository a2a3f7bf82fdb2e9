`timescale 1 ps/1 ps
// Self-checking testbench for regfile_bypass4x16: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg we = 0;
  reg [1:0] waddr = 0;
  reg [15:0] wdata = 0;
  reg [1:0] raddr = 0;
  wire [15:0] rdata_ref, rdata_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .rdata(rdata_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .rdata(rdata_dut));

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
    rst_n = 1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 127) == 0) ? 0 : 1;
      we = $random;
      waddr = $random;
      wdata = $random;
      raddr = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
