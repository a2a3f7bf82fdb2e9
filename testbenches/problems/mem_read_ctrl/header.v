module TopModule (
  input clk,
  input areset,
  input rd,
  input [7:0] addr,
  input mem_ready,
  input [15:0] mem_data,
  output mem_en,
  output valid,
  output busy,
  output reg [7:0] mem_addr,
  output reg [15:0] rdata
);
