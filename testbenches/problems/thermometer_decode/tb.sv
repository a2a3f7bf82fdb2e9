`timescale 1 ps/1 ps
// Self-checking testbench for thermometer_decode: reference and candidate side by side.
module tb;
  reg [14:0] therm;
  wire [3:0] count_ref, count_dut;
  wire valid_ref, valid_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.therm(therm), .count(count_ref), .valid(valid_ref));
  TopModule dut (.therm(therm), .count(count_dut), .valid(valid_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {therm} = 0;
      else if (i == 1) {therm} = ~15'd0;
      else begin
        {therm} = {$random};
        therm = (($random & 3) == 0) ? $random : (((15'd1 << ($random & 15)) - 15'd1) ^ ((($random & 3) == 1) ? (15'd1 << ($random & 15)) : 15'd0));
      end
      #5;
      samples = samples + 1;
      if ({count_ref, valid_ref} !== {count_dut, valid_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
