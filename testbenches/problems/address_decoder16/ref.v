module RefModule (
  input [15:0] addr,
  output rom_cs,
  output ram_cs,
  output uart_cs,
  output gpio_cs,
  output fault
);
  assign rom_cs = addr[15:14] == 2'b00;
  assign ram_cs = addr[15:14] == 2'b01;
  assign uart_cs = addr[15:4] == 12'h800;
  assign gpio_cs = addr[15:4] == 12'h801;
  assign fault = ~(rom_cs | ram_cs | uart_cs | gpio_cs);
endmodule
