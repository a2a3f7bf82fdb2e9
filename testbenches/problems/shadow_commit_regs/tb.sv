`timescale 1 ps/1 ps
// Self-checking testbench for shadow_commit_regs: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg we = 0;
  reg [1:0] waddr = 0;
  reg [7:0] wdata = 0;
  reg commit = 0;
  reg [1:0] raddr = 0;
  wire [7:0] active_data_ref, active_data_dut;
  wire [7:0] shadow_data_ref, shadow_data_dut;
  wire pending_ref, pending_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .we(we), .waddr(waddr), .wdata(wdata), .commit(commit), .raddr(raddr), .active_data(active_data_ref), .shadow_data(shadow_data_ref), .pending(pending_ref));
  TopModule dut (.clk(clk), .reset(reset), .we(we), .waddr(waddr), .wdata(wdata), .commit(commit), .raddr(raddr), .active_data(active_data_dut), .shadow_data(shadow_data_dut), .pending(pending_dut));

  task check;
    begin
      samples = samples + 1;
      if ({active_data_ref, shadow_data_ref, pending_ref} !== {active_data_dut, shadow_data_dut, pending_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    reset = 0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      reset = (($random & 255) == 0) ? 1 : 0;
      we = ($random & 3) == 0;
      waddr = $random;
      wdata = $random;
      commit = ($random & 15) == 0;
      raddr = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
