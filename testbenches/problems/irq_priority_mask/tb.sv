`timescale 1 ps/1 ps
// Self-checking testbench for irq_priority_mask: reference and candidate side by side.
module tb;
  reg [7:0] pending;
  reg [7:0] mask;
  wire [2:0] id_ref, id_dut;
  wire irq_ref, irq_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.pending(pending), .mask(mask), .id(id_ref), .irq(irq_ref));
  TopModule dut (.pending(pending), .mask(mask), .id(id_dut), .irq(irq_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {pending, mask} = 0;
      else if (i == 1) {pending, mask} = ~16'd0;
      else begin
        {pending, mask} = {$random};
        mask = $random | $random;
      end
      #5;
      samples = samples + 1;
      if ({id_ref, irq_ref} !== {id_dut, irq_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
