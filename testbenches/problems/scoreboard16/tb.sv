`timescale 1 ps/1 ps
// Self-checking testbench for scoreboard16: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg set_en = 0;
  reg [3:0] set_idx = 0;
  reg clr_en = 0;
  reg [3:0] clr_idx = 0;
  reg [3:0] qa = 0;
  reg [3:0] qb = 0;
  wire busy_a_ref, busy_a_dut;
  wire busy_b_ref, busy_b_dut;
  wire any_busy_ref, any_busy_dut;
  wire [15:0] bits_ref, bits_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .set_en(set_en), .set_idx(set_idx), .clr_en(clr_en), .clr_idx(clr_idx), .qa(qa), .qb(qb), .busy_a(busy_a_ref), .busy_b(busy_b_ref), .any_busy(any_busy_ref), .bits(bits_ref));
  TopModule dut (.clk(clk), .areset(areset), .set_en(set_en), .set_idx(set_idx), .clr_en(clr_en), .clr_idx(clr_idx), .qa(qa), .qb(qb), .busy_a(busy_a_dut), .busy_b(busy_b_dut), .any_busy(any_busy_dut), .bits(bits_dut));

  task check;
    begin
      samples = samples + 1;
      if ({busy_a_ref, busy_b_ref, any_busy_ref, bits_ref} !== {busy_a_dut, busy_b_dut, any_busy_dut, bits_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 255) == 0) ? 1 : 0;
      set_en = $random;
      set_idx = $random;
      clr_en = $random;
      clr_idx = ($random & 3) ? $random : set_idx;
      qa = $random;
      qb = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
