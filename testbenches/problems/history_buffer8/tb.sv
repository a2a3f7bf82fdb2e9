`timescale 1 ps/1 ps
// Self-checking testbench for history_buffer8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg wr = 0;
  reg [7:0] din = 0;
  reg [2:0] age = 0;
  wire [7:0] dout_ref, dout_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .wr(wr), .din(din), .age(age), .dout(dout_ref));
  TopModule dut (.clk(clk), .reset(reset), .wr(wr), .din(din), .age(age), .dout(dout_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dout_ref} !== {dout_dut}) errors = errors + 1;
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
      wr = $random;
      din = $random;
      age = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
