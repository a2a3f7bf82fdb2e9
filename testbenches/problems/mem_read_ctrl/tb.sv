`timescale 1 ps/1 ps
// Self-checking testbench for mem_read_ctrl: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg areset = 1;
  reg rd = 0;
  reg [7:0] addr = 0;
  reg mem_ready = 0;
  reg [15:0] mem_data = 0;
  wire mem_en_ref, mem_en_dut;
  wire valid_ref, valid_dut;
  wire busy_ref, busy_dut;
  wire [7:0] mem_addr_ref, mem_addr_dut;
  wire [15:0] rdata_ref, rdata_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .areset(areset), .rd(rd), .addr(addr), .mem_ready(mem_ready), .mem_data(mem_data), .mem_en(mem_en_ref), .valid(valid_ref), .busy(busy_ref), .mem_addr(mem_addr_ref), .rdata(rdata_ref));
  TopModule dut (.clk(clk), .areset(areset), .rd(rd), .addr(addr), .mem_ready(mem_ready), .mem_data(mem_data), .mem_en(mem_en_dut), .valid(valid_dut), .busy(busy_dut), .mem_addr(mem_addr_dut), .rdata(rdata_dut));

  task check;
    begin
      samples = samples + 1;
      if ({mem_en_ref, valid_ref, busy_ref, mem_addr_ref, rdata_ref} !== {mem_en_dut, valid_dut, busy_dut, mem_addr_dut, rdata_dut}) errors = errors + 1;
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
      rd = ($random & 1);
      addr = $random;
      mem_ready = ($random & 3) == 0;
      mem_data = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
