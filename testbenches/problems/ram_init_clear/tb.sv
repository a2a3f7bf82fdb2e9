`timescale 1 ps/1 ps
// Self-checking testbench for ram_init_clear: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg we = 0;
  reg [3:0] addr = 0;
  reg [3:0] din = 0;
  reg [3:0] raddr = 0;
  wire [3:0] dout_ref, dout_dut;
  wire busy_ref, busy_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .we(we), .addr(addr), .din(din), .raddr(raddr), .dout(dout_ref), .busy(busy_ref));
  TopModule dut (.clk(clk), .reset(reset), .we(we), .addr(addr), .din(din), .raddr(raddr), .dout(dout_dut), .busy(busy_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dout_ref, busy_ref} !== {dout_dut, busy_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 255) == 0) ? 1 : 0;
      we = $random;
      addr = $random;
      din = $random;
      raddr = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
