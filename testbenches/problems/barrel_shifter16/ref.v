module RefModule (
  input [15:0] data,
  input [3:0] sh,
  input [1:0] op,
  output reg [15:0] out
);
  always @* begin
    case (op)
      2'd0: out = data << sh;
      2'd1: out = data >> sh;
      2'd2: out = $signed(data) >>> sh;
      default: out = (data << sh) | (data >> (5'd16 - sh));
    endcase
  end
endmodule
