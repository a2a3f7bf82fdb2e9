`timescale 1 ps/1 ps
// Self-checking testbench for multicycle_cpu_ctrl: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg [1:0] opcode = 0;
  wire [2:0] state_ref, state_dut;
  wire ir_load_ref, ir_load_dut;
  wire reg_write_ref, reg_write_dut;
  wire mem_read_ref, mem_read_dut;
  wire mem_write_ref, mem_write_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .opcode(opcode), .state(state_ref), .ir_load(ir_load_ref), .reg_write(reg_write_ref), .mem_read(mem_read_ref), .mem_write(mem_write_ref));
  TopModule dut (.clk(clk), .reset(reset), .opcode(opcode), .state(state_dut), .ir_load(ir_load_dut), .reg_write(reg_write_dut), .mem_read(mem_read_dut), .mem_write(mem_write_dut));

  task check;
    begin
      samples = samples + 1;
      if ({state_ref, ir_load_ref, reg_write_ref, mem_read_ref, mem_write_ref} !== {state_dut, ir_load_dut, reg_write_dut, mem_read_dut, mem_write_dut}) errors = errors + 1;
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
      reset = (($random & 15) == 0) ? 1 : 0;
      opcode = (($random & 7) == 0) ? 2'd3 : ($random % 3);
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
