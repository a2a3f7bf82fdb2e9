`timescale 1 ps/1 ps
// Self-checking testbench for mmio_gpio_regs: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg wr = 0;
  reg [1:0] addr = 0;
  reg [7:0] wdata = 0;
  reg [7:0] pins_in = 0;
  wire [7:0] rdata_ref, rdata_dut;
  wire [7:0] pins_out_ref, pins_out_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .wr(wr), .addr(addr), .wdata(wdata), .pins_in(pins_in), .rdata(rdata_ref), .pins_out(pins_out_ref));
  TopModule dut (.clk(clk), .areset(areset), .wr(wr), .addr(addr), .wdata(wdata), .pins_in(pins_in), .rdata(rdata_dut), .pins_out(pins_out_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rdata_ref, pins_out_ref} !== {rdata_dut, pins_out_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 127) == 0) ? 1 : 0;
      wr = $random;
      addr = $random;
      wdata = $random;
      pins_in = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
