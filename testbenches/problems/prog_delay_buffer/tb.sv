`timescale 1 ps/1 ps
// Self-checking testbench for prog_delay_buffer: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg en = 0;
  reg [7:0] din = 0;
  reg [2:0] delay = 0;
  wire [7:0] dout_ref, dout_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .en(en), .din(din), .delay(delay), .dout(dout_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .en(en), .din(din), .delay(delay), .dout(dout_dut));

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
    rst_n = 1;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 255) == 0) ? 0 : 1;
      en = ($random & 3) != 0;
      din = $random;
      delay = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
