module RefModule (
  input [7:0] crc_in,
  input [7:0] data,
  output reg [7:0] crc_out
);
  integer i;
  reg fb;
  always @* begin
    crc_out = crc_in;
    for (i = 7; i >= 0; i = i - 1) begin
      fb = crc_out[7] ^ data[i];
      crc_out = {crc_out[6:0], 1'b0};
      if (fb) crc_out = crc_out ^ 8'h07;
    end
  end
endmodule
