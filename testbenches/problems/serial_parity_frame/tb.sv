`timescale 1 ps/1 ps
// Self-checking testbench for serial_parity_frame: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg sof = 0;
  reg bit_valid = 0;
  reg bit_in = 0;
  wire parity_ref, parity_dut;
  wire [3:0] count_ref, count_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .sof(sof), .bit_valid(bit_valid), .bit_in(bit_in), .parity(parity_ref), .count(count_ref));
  TopModule dut (.clk(clk), .reset(reset), .sof(sof), .bit_valid(bit_valid), .bit_in(bit_in), .parity(parity_dut), .count(count_dut));

  task check;
    begin
      samples = samples + 1;
      if ({parity_ref, count_ref} !== {parity_dut, count_dut}) errors = errors + 1;
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
      reset = (($random & 31) == 0) ? 1 : 0;
      sof = ($random & 15) == 0;
      bit_valid = $random;
      bit_in = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
