`timescale 1 ps/1 ps
// Self-checking testbench for packet_framer: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg in_valid = 0;
  reg [7:0] in_data = 0;
  wire out_valid_ref, out_valid_dut;
  wire [7:0] out_data_ref, out_data_dut;
  wire out_last_ref, out_last_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .in_valid(in_valid), .in_data(in_data), .out_valid(out_valid_ref), .out_data(out_data_ref), .out_last(out_last_ref));
  TopModule dut (.clk(clk), .reset(reset), .in_valid(in_valid), .in_data(in_data), .out_valid(out_valid_dut), .out_data(out_data_dut), .out_last(out_last_dut));

  task check;
    begin
      samples = samples + 1;
      if ({out_valid_ref, out_data_ref, out_last_ref} !== {out_valid_dut, out_data_dut, out_last_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 1023) == 0) ? 1 : 0;
      in_valid = ($random & 3) != 0;
      in_data = (($random & 3) == 0) ? 8'hA5 : (($random & 1) ? ($random & 7) : $random);
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
