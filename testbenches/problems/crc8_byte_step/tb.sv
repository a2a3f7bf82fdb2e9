`timescale 1 ps/1 ps
// Self-checking testbench for crc8_byte_step: reference and candidate side by side.
module tb;
  reg [7:0] crc_in;
  reg [7:0] data;
  wire [7:0] crc_out_ref, crc_out_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.crc_in(crc_in), .data(data), .crc_out(crc_out_ref));
  TopModule dut (.crc_in(crc_in), .data(data), .crc_out(crc_out_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {crc_in, data} = 0;
      else if (i == 1) {crc_in, data} = ~16'd0;
      else begin
        {crc_in, data} = {$random};
      end
      #5;
      samples = samples + 1;
      if ({crc_out_ref} !== {crc_out_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
