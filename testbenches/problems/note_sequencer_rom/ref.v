module RefModule (
  input clk,
  input reset,
  input step,
  input restart,
  output reg [3:0] note,
  output rest,
  output reg [2:0] pos
);
  always @(posedge clk) begin
    if (reset || restart) pos <= 3'd0;
    else if (step) pos <= pos + 3'd1;
  end
  always @* begin
    case (pos)
      3'd0: note = 4'd1;
      3'd1: note = 4'd5;
      3'd2: note = 4'd8;
      3'd3: note = 4'd5;
      3'd4: note = 4'd12;
      3'd5: note = 4'd10;
      3'd6: note = 4'd8;
      default: note = 4'd0;
    endcase
  end
  assign rest = note == 4'd0;
endmodule
