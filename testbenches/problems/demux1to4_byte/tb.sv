`timescale 1 ps/1 ps
// Self-checking testbench for demux1to4_byte: reference and candidate side by side.
module tb;
  reg [7:0] din;
  reg [1:0] sel;
  reg en;
  wire [31:0] out_ref, out_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.din(din), .sel(sel), .en(en), .out(out_ref));
  TopModule dut (.din(din), .sel(sel), .en(en), .out(out_dut));

  initial begin
    for (i = 0; i < 2048; i = i + 1) begin
      {din, sel, en} = i;
      #5;
      samples = samples + 1;
      if ({out_ref} !== {out_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
