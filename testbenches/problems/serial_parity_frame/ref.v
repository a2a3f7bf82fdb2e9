module RefModule (
  input clk,
  input reset,
  input sof,
  input bit_valid,
  input bit_in,
  output reg parity,
  output reg [3:0] count
);
  always @(posedge clk) begin
    if (reset) begin
      parity <= 1'b0;
      count <= 4'd0;
    end else if (sof) begin
      parity <= bit_in;
      count <= 4'd1;
    end else if (bit_valid) begin
      parity <= parity ^ bit_in;
      count <= count + 4'd1;
    end
  end
endmodule
