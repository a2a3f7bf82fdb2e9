`timescale 1 ps/1 ps
// Self-checking testbench for regfile8x8_r0zero: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg we = 0;
  reg [2:0] waddr = 0;
  reg [7:0] wdata = 0;
  reg [2:0] raddr1 = 0;
  reg [2:0] raddr2 = 0;
  wire [7:0] rdata1_ref, rdata1_dut;
  wire [7:0] rdata2_ref, rdata2_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .we(we), .waddr(waddr), .wdata(wdata), .raddr1(raddr1), .raddr2(raddr2), .rdata1(rdata1_ref), .rdata2(rdata2_ref));
  TopModule dut (.clk(clk), .reset(reset), .we(we), .waddr(waddr), .wdata(wdata), .raddr1(raddr1), .raddr2(raddr2), .rdata1(rdata1_dut), .rdata2(rdata2_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rdata1_ref, rdata2_ref} !== {rdata1_dut, rdata2_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 127) == 0) ? 1 : 0;
      we = $random;
      waddr = $random;
      wdata = $random;
      raddr1 = $random;
      raddr2 = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
