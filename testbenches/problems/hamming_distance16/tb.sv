`timescale 1 ps/1 ps
// Self-checking testbench for hamming_distance16: reference and candidate side by side.
module tb;
  reg [15:0] a;
  reg [15:0] b;
  wire [4:0] distance_ref, distance_dut;
  wire same_ref, same_dut;
  wire close_ref, close_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.a(a), .b(b), .distance(distance_ref), .same(same_ref), .close(close_ref));
  TopModule dut (.a(a), .b(b), .distance(distance_dut), .same(same_dut), .close(close_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {a, b} = 0;
      else if (i == 1) {a, b} = ~32'd0;
      else begin
        {a, b} = {$random};
        b = ($random & 1) ? $random : a ^ (16'd1 << ($random & 15)) ^ ((($random & 1)) ? (16'd1 << ($random & 15)) : 16'd0);
      end
      #5;
      samples = samples + 1;
      if ({distance_ref, same_ref, close_ref} !== {distance_dut, same_dut, close_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
