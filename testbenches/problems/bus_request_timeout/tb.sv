`timescale 1 ps/1 ps
// Self-checking testbench for bus_request_timeout: reference and candidate side by side.
module tb;
  reg clk = 0;
  always #5 clk = ~clk;
  reg resetn = 0;
  reg need = 0;
  reg gnt = 0;
  reg clear = 0;
  wire [1:0] state_ref, state_dut;
  wire req_ref, req_dut;
  wire error_ref, error_dut;
  integer errors = 0, samples = 0, cycle;

  RefModule good (.clk(clk), .resetn(resetn), .need(need), .gnt(gnt), .clear(clear), .state(state_ref), .req(req_ref), .error(error_ref));
  TopModule dut (.clk(clk), .resetn(resetn), .need(need), .gnt(gnt), .clear(clear), .state(state_dut), .req(req_dut), .error(error_dut));

  task check;
    begin
      samples = samples + 1;
      if ({state_ref, req_ref, error_ref} !== {state_dut, req_dut, error_dut}) errors = errors + 1;
    end
  endtask

  always @(posedge clk) begin
    #1 check;
  end

  initial begin
    repeat (2) @(negedge clk);
    resetn = 1;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      resetn = (($random & 255) == 0) ? 0 : 1;
      need = ($random & 3) != 0;
      gnt = ($random & 15) == 0;
      clear = ($random & 7) == 0;
      #1 check;
    end
    @(negedge clk);
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
