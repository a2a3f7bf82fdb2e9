`timescale 1 ps/1 ps
// Self-checking testbench for abs_sat16: reference and candidate side by side.
module tb;
  reg [15:0] x;
  wire [15:0] y_ref, y_dut;
  wire sat_ref, sat_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.x(x), .y(y_ref), .sat(sat_ref));
  TopModule dut (.x(x), .y(y_dut), .sat(sat_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {x} = 0;
      else if (i == 1) {x} = ~16'd0;
      else begin
        {x} = {$random};
        x = ($random & 7) ? $random : 16'h8000 + ($random & 3);
      end
      #5;
      samples = samples + 1;
      if ({y_ref, sat_ref} !== {y_dut, sat_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
