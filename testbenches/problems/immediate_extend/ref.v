module RefModule (
  input [11:0] imm,
  input [1:0] fmt,
  output reg [31:0] ext
);
  always @* begin
    case (fmt)
      2'd0: ext = {{20{imm[11]}}, imm};
      2'd1: ext = {20'd0, imm};
      2'd2: ext = {{24{imm[7]}}, imm[7:0]};
      default: ext = {{18{imm[11]}}, imm, 2'b00};
    endcase
  end
endmodule
