`timescale 1 ps/1 ps
// Self-checking testbench for barrel_shifter16: reference and candidate side by side.
module tb;
  reg [15:0] data;
  reg [3:0] sh;
  reg [1:0] op;
  wire [15:0] out_ref, out_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.data(data), .sh(sh), .op(op), .out(out_ref));
  TopModule dut (.data(data), .sh(sh), .op(op), .out(out_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {data, sh, op} = 0;
      else if (i == 1) {data, sh, op} = ~22'd0;
      else begin
        {data, sh, op} = {$random};
      end
      #5;
      samples = samples + 1;
      if ({out_ref} !== {out_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
