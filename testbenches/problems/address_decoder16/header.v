module TopModule (
  input [15:0] addr,
  output rom_cs,
  output ram_cs,
  output uart_cs,
  output gpio_cs,
  output fault
);
