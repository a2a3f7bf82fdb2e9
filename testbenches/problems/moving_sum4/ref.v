module RefModule (
  input clk,
  input reset,
  input valid,
  input [7:0] din,
  output [9:0] sum
);
  reg [7:0] w0, w1, w2, w3;
  always @(posedge clk) begin
    if (reset) begin
      w0 <= 8'd0; w1 <= 8'd0; w2 <= 8'd0; w3 <= 8'd0;
    end else if (valid) begin
      w0 <= din; w1 <= w0; w2 <= w1; w3 <= w2;
    end
  end
  assign sum = w0 + w1 + w2 + w3;
endmodule
