`timescale 1 ps/1 ps
// Self-checking testbench for banked_pair_read: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg we = 0;
  reg [3:0] waddr = 0;
  reg [7:0] wdata = 0;
  reg [3:0] raddr = 0;
  wire [7:0] lo_ref, lo_dut;
  wire [7:0] hi_ref, hi_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .lo(lo_ref), .hi(hi_ref));
  TopModule dut (.clk(clk), .areset(areset), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .lo(lo_dut), .hi(hi_dut));

  task check;
    begin
      samples = samples + 1;
      if ({lo_ref, hi_ref} !== {lo_dut, hi_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 255) == 0) ? 1 : 0;
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
