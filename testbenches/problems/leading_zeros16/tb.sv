`timescale 1 ps/1 ps
// Self-checking testbench for leading_zeros16: reference and candidate side by side.
module tb;
  reg [15:0] data;
  wire [4:0] lz_ref, lz_dut;
  wire zero_ref, zero_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.data(data), .lz(lz_ref), .zero(zero_ref));
  TopModule dut (.data(data), .lz(lz_dut), .zero(zero_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {data} = 0;
      else if (i == 1) {data} = ~16'd0;
      else begin
        {data} = {$random};
        data = $random >> ($random & 15);
      end
      #5;
      samples = samples + 1;
      if ({lz_ref, zero_ref} !== {lz_dut, zero_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
