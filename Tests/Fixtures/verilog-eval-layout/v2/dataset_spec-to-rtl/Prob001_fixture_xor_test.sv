`timescale 1 ps/1 ps

module tb();
  reg a;
  reg b;
  wire out_ref, out_dut;
  integer errors = 0, samples = 0, i;
  RefModule good1 (.a(a), .b(b), .out(out_ref));
  TopModule top_module1 (.a(a), .b(b), .out(out_dut));
  initial begin
    for (i = 0; i < 4; i = i + 1) begin
      {a, b} = i; #1;
      samples = samples + 1; if (out_ref !== out_dut) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
