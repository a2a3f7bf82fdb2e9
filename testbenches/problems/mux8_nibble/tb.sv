`timescale 1 ps/1 ps
// Self-checking testbench for mux8_nibble: reference and candidate side by side.
module tb;
  reg [31:0] bus;
  reg [2:0] sel;
  wire [3:0] y_ref, y_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.bus(bus), .sel(sel), .y(y_ref));
  TopModule dut (.bus(bus), .sel(sel), .y(y_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {bus, sel} = 0;
      else if (i == 1) {bus, sel} = ~35'd0;
      else begin
        {bus, sel} = {$random, $random};
      end
      #5;
      samples = samples + 1;
      if ({y_ref} !== {y_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
