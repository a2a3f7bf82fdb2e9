`timescale 1 ps/1 ps
// Self-checking testbench for dpram32x8_oldread: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg we = 0;
  reg [4:0] waddr = 0;
  reg [7:0] wdata = 0;
  reg re = 0;
  reg [4:0] raddr = 0;
  wire [7:0] rdata_ref, rdata_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .we(we), .waddr(waddr), .wdata(wdata), .re(re), .raddr(raddr), .rdata(rdata_ref));
  TopModule dut (.clk(clk), .we(we), .waddr(waddr), .wdata(wdata), .re(re), .raddr(raddr), .rdata(rdata_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rdata_ref} !== ({rdata_ref} ^ {rdata_dut} ^ {rdata_ref})) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      we = $random;
      waddr = $random;
      wdata = $random;
      re = $random;
      raddr = ($random & 1) ? waddr : $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
