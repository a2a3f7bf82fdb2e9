module RefModule (
  input clk,
  input reset,
  input ev,
  output reg [3:0] count,
  output full
);
  reg prev;
  always @(posedge clk) begin
    if (reset) begin
      prev <= 1'b0;
      count <= 4'd0;
    end else begin
      prev <= ev;
      if (ev && !prev && count != 4'd15) count <= count + 4'd1;
    end
  end
  assign full = count == 4'd15;
endmodule
