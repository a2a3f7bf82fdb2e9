module RefModule (
  input [31:0] data,
  input [1:0] mode,
  output reg [31:0] out
);
  always @* begin
    case (mode)
      2'd0: out = data;
      2'd1: out = {data[23:16], data[31:24], data[7:0], data[15:8]};
      2'd2: out = {data[7:0], data[15:8], data[23:16], data[31:24]};
      default: out = {data[15:0], data[31:16]};
    endcase
  end
endmodule
