`timescale 1 ps/1 ps
// Self-checking testbench for regfile_two_write: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg we_a = 0;
  reg [1:0] waddr_a = 0;
  reg [7:0] wdata_a = 0;
  reg we_b = 0;
  reg [1:0] waddr_b = 0;
  reg [7:0] wdata_b = 0;
  reg [1:0] raddr = 0;
  wire [7:0] rdata_ref, rdata_dut;
  wire conflict_ref, conflict_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .we_a(we_a), .waddr_a(waddr_a), .wdata_a(wdata_a), .we_b(we_b), .waddr_b(waddr_b), .wdata_b(wdata_b), .raddr(raddr), .rdata(rdata_ref), .conflict(conflict_ref));
  TopModule dut (.clk(clk), .reset(reset), .we_a(we_a), .waddr_a(waddr_a), .wdata_a(wdata_a), .we_b(we_b), .waddr_b(waddr_b), .wdata_b(wdata_b), .raddr(raddr), .rdata(rdata_dut), .conflict(conflict_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rdata_ref, conflict_ref} !== {rdata_dut, conflict_dut}) errors = errors + 1;
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
      we_a = $random;
      waddr_a = $random;
      wdata_a = $random;
      we_b = $random;
      waddr_b = $random;
      wdata_b = $random;
      raddr = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
