`timescale 1 ps/1 ps
// Self-checking testbench for garage_door: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg button = 0;
  reg top = 0;
  reg bottom = 0;
  reg obstacle = 0;
  wire [2:0] state_ref, state_dut;
  wire motor_up_ref, motor_up_dut;
  wire motor_down_ref, motor_down_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .button(button), .top(top), .bottom(bottom), .obstacle(obstacle), .state(state_ref), .motor_up(motor_up_ref), .motor_down(motor_down_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .button(button), .top(top), .bottom(bottom), .obstacle(obstacle), .state(state_dut), .motor_up(motor_up_dut), .motor_down(motor_down_dut));

  task check;
    begin
      samples = samples + 1;
      if ({state_ref, motor_up_ref, motor_down_ref} !== {state_dut, motor_up_dut, motor_down_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 255) == 0) ? 0 : 1;
      button = ($random & 3) == 0;
      top = ($random & 7) == 0;
      bottom = ($random & 7) == 0;
      obstacle = ($random & 15) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
