`timescale 1 ps/1 ps
// Self-checking testbench for address_decoder16: reference and candidate side by side.
module tb;
  reg [15:0] addr;
  wire rom_cs_ref, rom_cs_dut;
  wire ram_cs_ref, ram_cs_dut;
  wire uart_cs_ref, uart_cs_dut;
  wire gpio_cs_ref, gpio_cs_dut;
  wire fault_ref, fault_dut;
  integer errors = 0, samples = 0, i;

  RefModule good (.addr(addr), .rom_cs(rom_cs_ref), .ram_cs(ram_cs_ref), .uart_cs(uart_cs_ref), .gpio_cs(gpio_cs_ref), .fault(fault_ref));
  TopModule dut (.addr(addr), .rom_cs(rom_cs_dut), .ram_cs(ram_cs_dut), .uart_cs(uart_cs_dut), .gpio_cs(gpio_cs_dut), .fault(fault_dut));

  initial begin
    for (i = 0; i < 600; i = i + 1) begin
      if (i == 0) {addr} = 0;
      else if (i == 1) {addr} = ~16'd0;
      else begin
        {addr} = {$random};
        addr = ($random & 1) ? {12'h800 | ($random & 12'h001), 4'h0} | ($random & 16'h3f) : $random;
      end
      #5;
      samples = samples + 1;
      if ({rom_cs_ref, ram_cs_ref, uart_cs_ref, gpio_cs_ref, fault_ref} !== {rom_cs_dut, ram_cs_dut, uart_cs_dut, gpio_cs_dut, fault_dut}) errors = errors + 1;
    end
    $display("Mismatches: %1d in %1d samples", errors, samples);
    $finish;
  end
endmodule
