module TopModule (
  input clk,
  input reset,
  input rx,
  output reg [7:0] data,
  output reg valid,
  output reg frame_err
);
