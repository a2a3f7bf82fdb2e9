module TopModule (
  input clk,
  input reset,
  input run,
  input tick,
  output reg [3:0] min_t,
  output reg [3:0] min_o,
  output reg [3:0] sec_t,
  output reg [3:0] sec_o
);
