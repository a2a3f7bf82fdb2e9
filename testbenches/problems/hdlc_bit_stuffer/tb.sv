`timescale 1 ps/1 ps
// Self-checking testbench for hdlc_bit_stuffer: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg din = 0;
  reg in_valid = 0;
  wire in_ready_ref, in_ready_dut;
  wire out_bit_ref, out_bit_dut;
  wire out_valid_ref, out_valid_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .din(din), .in_valid(in_valid), .in_ready(in_ready_ref), .out_bit(out_bit_ref), .out_valid(out_valid_ref));
  TopModule dut (.clk(clk), .reset(reset), .din(din), .in_valid(in_valid), .in_ready(in_ready_dut), .out_bit(out_bit_dut), .out_valid(out_valid_dut));

  task check;
    begin
      samples = samples + 1;
      if ({in_ready_ref, out_bit_ref, out_valid_ref} !== {in_ready_dut, out_bit_dut, out_valid_dut}) errors = errors + 1;
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
      reset = (($random & 31) == 0) ? 1 : 0;
      din = ($random & 7) != 0;
      in_valid = ($random & 7) != 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
