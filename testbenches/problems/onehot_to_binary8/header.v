module TopModule (
  input [7:0] onehot,
  output reg [2:0] bin,
  output reg error
);
