`timescale 1 ps/1 ps
// Self-checking testbench for uart_rx_8n1: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg reset = 1;
  reg rx = 0;
  wire [7:0] data_ref, data_dut;
  wire valid_ref, valid_dut;
  wire frame_err_ref, frame_err_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .reset(reset), .rx(rx), .data(data_ref), .valid(valid_ref), .frame_err(frame_err_ref));
  TopModule dut (.clk(clk), .reset(reset), .rx(rx), .data(data_dut), .valid(valid_dut), .frame_err(frame_err_dut));

  task check;
    begin
      samples = samples + 1;
      if ({data_ref, valid_ref, frame_err_ref} !== {data_dut, valid_dut, frame_err_dut}) errors = errors + 1;
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
      rx = ($random & 3) != 0 ? $random : 1;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
