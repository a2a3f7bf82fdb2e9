`timescale 1 ps/1 ps
// Self-checking testbench for fwft_fifo4x16: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg wr_en = 0;
  reg rd_en = 0;
  reg [15:0] din = 0;
  wire [15:0] dout_ref, dout_dut;
  wire valid_ref, valid_dut;
  wire full_ref, full_dut;
  reg bias = 0;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .wr_en(wr_en), .rd_en(rd_en), .din(din), .dout(dout_ref), .valid(valid_ref), .full(full_ref));
  TopModule dut (.clk(clk), .areset(areset), .wr_en(wr_en), .rd_en(rd_en), .din(din), .dout(dout_dut), .valid(valid_dut), .full(full_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dout_ref, valid_ref, full_ref} !== {dout_dut, valid_dut, full_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 511) == 0) ? 1 : 0;
      if (($random & 15) == 0) bias = ~bias;
      wr_en = bias ? ($random & 3) != 0 : ($random & 3) == 0;
      rd_en = bias ? ($random & 3) == 0 : ($random & 3) != 0;
      din = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
