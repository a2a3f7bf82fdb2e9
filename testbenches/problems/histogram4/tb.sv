`timescale 1 ps/1 ps
// Self-checking testbench for histogram4: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg valid = 0;
  reg clear = 0;
  reg [7:0] sample = 0;
  reg [1:0] rbin = 0;
  wire [7:0] count_ref, count_dut;
  wire [1:0] max_bin_ref, max_bin_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .valid(valid), .clear(clear), .sample(sample), .rbin(rbin), .count(count_ref), .max_bin(max_bin_ref));
  TopModule dut (.clk(clk), .reset(reset), .valid(valid), .clear(clear), .sample(sample), .rbin(rbin), .count(count_dut), .max_bin(max_bin_dut));

  task check;
    begin
      samples = samples + 1;
      if ({count_ref, max_bin_ref} !== {count_dut, max_bin_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 1400; cycle = cycle + 1) begin
      @(negedge clk);
      valid = 1;
      clear = ($random & 1023) == 0;
      sample = ($random & 1) ? 8'hc0 | $random : $random;
      rbin = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
