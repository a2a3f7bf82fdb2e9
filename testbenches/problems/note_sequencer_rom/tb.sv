`timescale 1 ps/1 ps
// Self-checking testbench for note_sequencer_rom: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg step = 0;
  reg restart = 0;
  wire [3:0] note_ref, note_dut;
  wire rest_ref, rest_dut;
  wire [2:0] pos_ref, pos_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .step(step), .restart(restart), .note(note_ref), .rest(rest_ref), .pos(pos_ref));
  TopModule dut (.clk(clk), .reset(reset), .step(step), .restart(restart), .note(note_dut), .rest(rest_dut), .pos(pos_dut));

  task check;
    begin
      samples = samples + 1;
      if ({note_ref, rest_ref, pos_ref} !== {note_dut, rest_dut, pos_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 31) == 0) ? 1 : 0;
      step = ($random & 3) != 0;
      restart = ($random & 31) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
