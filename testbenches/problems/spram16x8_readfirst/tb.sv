`timescale 1 ps/1 ps
// Self-checking testbench for spram16x8_readfirst: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg we = 0;
  reg [3:0] addr = 0;
  reg [7:0] din = 0;
  wire [7:0] dout_ref, dout_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .we(we), .addr(addr), .din(din), .dout(dout_ref));
  TopModule dut (.clk(clk), .we(we), .addr(addr), .din(din), .dout(dout_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dout_ref} !== ({dout_ref} ^ {dout_dut} ^ {dout_ref})) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      we = $random;
      addr = $random;
      din = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
