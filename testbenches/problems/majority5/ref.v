module RefModule (
  input [4:0] in,
  output maj,
  output unanimous
);
  wire [2:0] ones = in[0] + in[1] + in[2] + in[3] + in[4];
  assign maj = ones >= 3'd3;
  assign unanimous = (in == 5'b00000) || (in == 5'b11111);
endmodule
