`timescale 1 ps/1 ps
// Self-checking testbench for cam8_lookup: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg wr = 0;
  reg inv = 0;
  reg [2:0] widx = 0;
  reg [7:0] wkey = 0;
  reg [7:0] skey = 0;
  wire hit_ref, hit_dut;
  wire [2:0] idx_ref, idx_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .wr(wr), .inv(inv), .widx(widx), .wkey(wkey), .skey(skey), .hit(hit_ref), .idx(idx_ref));
  TopModule dut (.clk(clk), .reset(reset), .wr(wr), .inv(inv), .widx(widx), .wkey(wkey), .skey(skey), .hit(hit_dut), .idx(idx_dut));

  task check;
    begin
      samples = samples + 1;
      if ({hit_ref, idx_ref} !== {hit_dut, idx_dut}) errors = errors + 1;
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
      wr = ($random & 3) == 0;
      inv = ($random & 7) == 0;
      widx = $random;
      wkey = $random & 15;
      skey = $random & 15;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
