module TopModule (
  input [7:0] req,
  output reg [2:0] idx,
  output valid
);
