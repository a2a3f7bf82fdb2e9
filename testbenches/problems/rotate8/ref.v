module RefModule (
  input [7:0] data,
  input [2:0] amt,
  input left,
  output reg [7:0] out
);
  always @* begin
    if (left) out = (data << amt) | (data >> (4'd8 - amt));
    else out = (data >> amt) | (data << (4'd8 - amt));
  end
endmodule
