`timescale 1 ps/1 ps
// Self-checking testbench for vending_machine15: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg [1:0] coin = 0;
  wire dispense_ref, dispense_dut;
  wire [4:0] change_ref, change_dut;
  wire [4:0] credit_ref, credit_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .coin(coin), .dispense(dispense_ref), .change(change_ref), .credit(credit_ref));
  TopModule dut (.clk(clk), .reset(reset), .coin(coin), .dispense(dispense_dut), .change(change_dut), .credit(credit_dut));

  task check;
    begin
      samples = samples + 1;
      if ({dispense_ref, change_ref, credit_ref} !== {dispense_dut, change_dut, credit_dut}) errors = errors + 1;
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
      coin = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
