`timescale 1 ps/1 ps
// Self-checking testbench for rotate8: reference and candidate side by side.
module tb;
  reg [7:0] data;
  reg [2:0] amt;
  reg left;
  wire [7:0] out_ref, out_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.data(data), .amt(amt), .left(left), .out(out_ref));
  TopModule dut (.data(data), .amt(amt), .left(left), .out(out_dut));

  initial begin
    for (i = 0; i < 4096; i = i + 1) begin
      {data, amt, left} = i;
      #5;
      samples = samples + 1;
      if ({out_ref} !== {out_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
