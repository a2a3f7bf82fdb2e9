module RefModule (
  input [7:0] onehot,
  output reg [2:0] bin,
  output reg error
);
  always @* begin
    error = 1'b0;
    case (onehot)
      8'b00000001: bin = 3'd0;
      8'b00000010: bin = 3'd1;
      8'b00000100: bin = 3'd2;
      8'b00001000: bin = 3'd3;
      8'b00010000: bin = 3'd4;
      8'b00100000: bin = 3'd5;
      8'b01000000: bin = 3'd6;
      8'b10000000: bin = 3'd7;
      default: begin bin = 3'd0; error = 1'b1; end
    endcase
  end
endmodule
