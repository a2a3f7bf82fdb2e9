`timescale 1 ps/1 ps

module tb();
  reg clk;
  reg reset;
  wire q_ref, q_dut;
  integer errors = 0, samples = 0, i;
  always #5 clk = ~clk;
  RefModule good1 (.clk(clk), .reset(reset), .q(q_ref));
  TopModule top_module1 (.clk(clk), .reset(reset), .q(q_dut));
  initial begin
    clk = 0;
    reset = 1;
    for (i = 0; i < 40; i = i + 1) begin
      @(negedge clk);
      reset = (i < 2) ? 1'b1 : $random;
      #1 samples = samples + 1; if (q_ref !== q_dut) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
