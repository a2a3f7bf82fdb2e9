`timescale 1 ps/1 ps
// Self-checking testbench for elevator4: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg [3:0] call = 0;
  wire [1:0] floor_ref, floor_dut;
  wire door_open_ref, door_open_dut;
  wire [3:0] pending_ref, pending_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .call(call), .floor(floor_ref), .door_open(door_open_ref), .pending(pending_ref));
  TopModule dut (.clk(clk), .areset(areset), .call(call), .floor(floor_dut), .door_open(door_open_dut), .pending(pending_dut));

  task check;
    begin
      samples = samples + 1;
      if ({floor_ref, door_open_ref, pending_ref} !== {floor_dut, door_open_dut, pending_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    areset = 0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      areset = (($random & 255) == 0) ? 1 : 0;
      call = (($random & 3) == 0) ? (4'd1 << ($random & 3)) : 4'd0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
