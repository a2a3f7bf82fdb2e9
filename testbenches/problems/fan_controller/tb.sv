`timescale 1 ps/1 ps
// Self-checking testbench for fan_controller: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg [7:0] temp = 8'd30;
  wire [1:0] speed_ref, speed_dut;
  wire overheat_ref, overheat_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .temp(temp), .speed(speed_ref), .overheat(overheat_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .temp(temp), .speed(speed_dut), .overheat(overheat_dut));

  task check;
    begin
      samples = samples + 1;
      if ({speed_ref, overheat_ref} !== {speed_dut, overheat_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    rst_n = 1;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      rst_n = (($random & 31) == 0) ? 0 : 1;
      temp = (($random & 1) ? 8'd30 + ($random & 31) + ($random & 15) : temp + ($random % 3));
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
