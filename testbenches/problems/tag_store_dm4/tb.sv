`timescale 1 ps/1 ps
// Self-checking testbench for tag_store_dm4: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg [7:0] addr = 0;
  reg fill = 0;
  reg flush = 0;
  wire hit_ref, hit_dut;
  wire [3:0] valid_bits_ref, valid_bits_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .addr(addr), .fill(fill), .flush(flush), .hit(hit_ref), .valid_bits(valid_bits_ref));
  TopModule dut (.clk(clk), .reset(reset), .addr(addr), .fill(fill), .flush(flush), .hit(hit_dut), .valid_bits(valid_bits_dut));

  task check;
    begin
      samples = samples + 1;
      if ({hit_ref, valid_bits_ref} !== {hit_dut, valid_bits_dut}) errors = errors + 1;
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
      addr = $random & 8'h3f;
      fill = ($random & 3) == 0;
      flush = ($random & 63) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
