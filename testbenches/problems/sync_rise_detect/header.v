module TopModule (
  input clk,
  input resetn,
  input async_in,
  output sync_out,
  output pulse
);
