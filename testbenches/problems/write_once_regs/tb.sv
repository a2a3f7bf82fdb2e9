`timescale 1 ps/1 ps
// Self-checking testbench for write_once_regs: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg we = 0;
  reg [1:0] addr = 0;
  reg [7:0] wdata = 0;
  reg [1:0] raddr = 0;
  wire [7:0] rdata_ref, rdata_dut;
  wire [3:0] locked_ref, locked_dut;
  wire violation_ref, violation_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .we(we), .addr(addr), .wdata(wdata), .raddr(raddr), .rdata(rdata_ref), .locked(locked_ref), .violation(violation_ref));
  TopModule dut (.clk(clk), .reset(reset), .we(we), .addr(addr), .wdata(wdata), .raddr(raddr), .rdata(rdata_dut), .locked(locked_dut), .violation(violation_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rdata_ref, locked_ref, violation_ref} !== {rdata_dut, locked_dut, violation_dut}) errors = errors + 1;
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
      reset = (($random & 31) == 0) ? 1 : 0;
      we = ($random & 3) == 0;
      addr = $random;
      wdata = $random;
      raddr = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
