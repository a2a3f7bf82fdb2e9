module TopModule (
  input [14:0] therm,
  output reg [3:0] count,
  output valid
);
