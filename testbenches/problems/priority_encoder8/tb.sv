`timescale 1 ps/1 ps
// Self-checking testbench for priority_encoder8: reference and candidate side by side.
module tb;
  reg [7:0] req;
  wire [2:0] idx_ref, idx_dut;
  wire valid_ref, valid_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.req(req), .idx(idx_ref), .valid(valid_ref));
  TopModule dut (.req(req), .idx(idx_dut), .valid(valid_dut));

  initial begin
    for (i = 0; i < 256; i = i + 1) begin
      {req} = i;
      #5;
      samples = samples + 1;
      if ({idx_ref, valid_ref} !== {idx_dut, valid_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
