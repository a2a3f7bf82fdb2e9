`timescale 1 ps/1 ps
// Self-checking testbench for pedestrian_crossing: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg button = 0;
  wire car_green_ref, car_green_dut;
  wire car_amber_ref, car_amber_dut;
  wire car_red_ref, car_red_dut;
  wire walk_ref, walk_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .button(button), .car_green(car_green_ref), .car_amber(car_amber_ref), .car_red(car_red_ref), .walk(walk_ref));
  TopModule dut (.clk(clk), .areset(areset), .button(button), .car_green(car_green_dut), .car_amber(car_amber_dut), .car_red(car_red_dut), .walk(walk_dut));

  task check;
    begin
      samples = samples + 1;
      if ({car_green_ref, car_amber_ref, car_red_ref, walk_ref} !== {car_green_dut, car_amber_dut, car_red_dut, walk_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 127) == 0) ? 1 : 0;
      button = ($random & 7) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
