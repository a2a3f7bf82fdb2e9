`timescale 1 ps/1 ps
// Self-checking testbench for bit_reverse16: reference and candidate side by side.
module tb;
  reg [15:0] data;
  reg rev;
  wire [15:0] out_ref, out_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.data(data), .rev(rev), .out(out_ref));
  TopModule dut (.data(data), .rev(rev), .out(out_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {data, rev} = 0;
      else if (i == 1) {data, rev} = ~17'd0;
      else begin
        {data, rev} = {$random};
      end
      #5;
      samples = samples + 1;
      if ({out_ref} !== {out_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
