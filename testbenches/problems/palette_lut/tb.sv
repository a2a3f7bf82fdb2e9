`timescale 1 ps/1 ps
// Self-checking testbench for palette_lut: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg wr = 0;
  reg [1:0] widx = 0;
  reg [11:0] wcolor = 0;
  reg [1:0] pixel = 0;
  reg blank = 0;
  wire [11:0] rgb_ref, rgb_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .wr(wr), .widx(widx), .wcolor(wcolor), .pixel(pixel), .blank(blank), .rgb(rgb_ref));
  TopModule dut (.clk(clk), .reset(reset), .wr(wr), .widx(widx), .wcolor(wcolor), .pixel(pixel), .blank(blank), .rgb(rgb_dut));

  task check;
    begin
      samples = samples + 1;
      if ({rgb_ref} !== {rgb_dut}) errors = errors + 1;
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
      reset = (($random & 63) == 0) ? 1 : 0;
      wr = ($random & 7) == 0;
      widx = $random;
      wcolor = $random;
      pixel = $random;
      blank = ($random & 7) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
