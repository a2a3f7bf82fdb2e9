`timescale 1 ps/1 ps
// Self-checking testbench for byte_permute32: reference and candidate side by side.
module tb;
  reg [31:0] data;
  reg [1:0] mode;
  wire [31:0] out_ref, out_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.data(data), .mode(mode), .out(out_ref));
  TopModule dut (.data(data), .mode(mode), .out(out_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {data, mode} = 0;
      else if (i == 1) {data, mode} = ~34'd0;
      else begin
        {data, mode} = {$random, $random};
      end
      #5;
      samples = samples + 1;
      if ({out_ref} !== {out_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
