module TopModule (
  input [7:0] crc_in,
  input [7:0] data,
  output reg [7:0] crc_out
);
