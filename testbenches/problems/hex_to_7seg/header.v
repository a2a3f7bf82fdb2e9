module TopModule (
  input [3:0] digit,
  input blank,
  output reg [6:0] seg_n
);
