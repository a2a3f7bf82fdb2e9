`timescale 1 ps/1 ps
// Self-checking testbench for slot_allocator8: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg alloc = 0;
  reg free = 0;
  reg [2:0] free_idx = 0;
  wire avail_ref, avail_dut;
  wire [2:0] slot_ref, slot_dut;
  wire [7:0] used_ref, used_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .alloc(alloc), .free(free), .free_idx(free_idx), .avail(avail_ref), .slot(slot_ref), .used(used_ref));
  TopModule dut (.clk(clk), .reset(reset), .alloc(alloc), .free(free), .free_idx(free_idx), .avail(avail_dut), .slot(slot_dut), .used(used_dut));

  task check;
    begin
      samples = samples + 1;
      if ({avail_ref, slot_ref, used_ref} !== {avail_dut, slot_dut, used_dut}) errors = errors + 1;
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
      alloc = ($random & 3) != 0;
      free = ($random & 1);
      free_idx = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
