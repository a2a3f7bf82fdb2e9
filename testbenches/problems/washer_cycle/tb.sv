`timescale 1 ps/1 ps
// Self-checking testbench for washer_cycle: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg start = 0;
  reg full = 0;
  reg abort = 0;
  wire [2:0] phase_ref, phase_dut;
  wire motor_ref, motor_dut;
  wire valve_ref, valve_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .start(start), .full(full), .abort(abort), .phase(phase_ref), .motor(motor_ref), .valve(valve_ref));
  TopModule dut (.clk(clk), .reset(reset), .start(start), .full(full), .abort(abort), .phase(phase_dut), .motor(motor_dut), .valve(valve_dut));

  task check;
    begin
      samples = samples + 1;
      if ({phase_ref, motor_ref, valve_ref} !== {phase_dut, motor_dut, valve_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 255) == 0) ? 1 : 0;
      start = ($random & 3) == 0;
      full = ($random & 3) == 0;
      abort = ($random & 63) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
