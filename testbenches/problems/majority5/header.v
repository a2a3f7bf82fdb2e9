module TopModule (
  input [4:0] in,
  output maj,
  output unanimous
);
