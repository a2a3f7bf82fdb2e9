`timescale 1 ps/1 ps
// Self-checking testbench for four_phase_handshake: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg resetn = 0;
  reg send = 0;
  reg [7:0] din = 0;
  reg ack = 0;
  wire req_ref, req_dut;
  wire ready_ref, ready_dut;
  wire [7:0] dout_ref, dout_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .resetn(resetn), .send(send), .din(din), .ack(ack), .req(req_ref), .ready(ready_ref), .dout(dout_ref));
  TopModule dut (.clk(clk), .resetn(resetn), .send(send), .din(din), .ack(ack), .req(req_dut), .ready(ready_dut), .dout(dout_dut));

  task check;
    begin
      samples = samples + 1;
      if ({req_ref, ready_ref, dout_ref} !== {req_dut, ready_dut, dout_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    resetn = 1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      resetn = (($random & 31) == 0) ? 0 : 1;
      send = ($random & 3) == 0;
      din = $random;
      ack = (($random & 3) == 0) ? ~ack : ack;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
