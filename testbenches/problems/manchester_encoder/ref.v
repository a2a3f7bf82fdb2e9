module RefModule (
  input clk,
  input reset,
  input din,
  output reg out,
  output reg half
);
  reg bitv;
  always @(posedge clk) begin
    if (reset) begin
      out <= 1'b0;
      half <= 1'b1;
      bitv <= 1'b0;
    end else if (half) begin
      bitv <= din;
      out <= ~din;
      half <= 1'b0;
    end else begin
      out <= bitv;
      half <= 1'b1;
    end
  end
endmodule
