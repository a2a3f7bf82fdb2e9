module TopModule (
  input clk,
  input areset,
  input [3:0] call,
  output reg [1:0] floor,
  output reg door_open,
  output reg [3:0] pending
);
