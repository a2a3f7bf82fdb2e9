`timescale 1 ps/1 ps
// Self-checking testbench for mailbox_reg: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg rst_n = 0;
  reg put = 0;
  reg take = 0;
  reg [7:0] din = 0;
  wire [7:0] data_ref, data_dut;
  wire full_ref, full_dut;
  wire overflow_ref, overflow_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .rst_n(rst_n), .put(put), .take(take), .din(din), .data(data_ref), .full(full_ref), .overflow(overflow_ref));
  TopModule dut (.clk(clk), .rst_n(rst_n), .put(put), .take(take), .din(din), .data(data_dut), .full(full_dut), .overflow(overflow_dut));

  task check;
    begin
      samples = samples + 1;
      if ({data_ref, full_ref, overflow_ref} !== {data_dut, full_dut, overflow_dut}) errors = errors + 1;
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
      rst_n = (($random & 63) == 0) ? 0 : 1;
      put = ($random & 3) == 0;
      take = ($random & 3) == 0;
      din = $random;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
