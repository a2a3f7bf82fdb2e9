module TopModule (
  input [7:0] a,
  input [7:0] b,
  output [7:0] avg,
  output [7:0] floor_avg
);
