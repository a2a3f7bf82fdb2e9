module RefModule (
  input clk,
  input reset,
  input kick,
  output reg bark,
  output reg [6:0] count
);
  always @(posedge clk) begin
    if (reset) begin
      count <= 7'd0;
      bark <= 1'b0;
    end else if (kick) count <= 7'd0;
    else if (count != 7'd100) begin
      count <= count + 7'd1;
      if (count == 7'd99) bark <= 1'b1;
    end
  end
endmodule
