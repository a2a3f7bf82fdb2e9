module TopModule (
  input clk,
  input reset,
  input [1:0] opcode,
  output reg [2:0] state,
  output ir_load,
  output reg_write,
  output mem_read,
  output mem_write
);
