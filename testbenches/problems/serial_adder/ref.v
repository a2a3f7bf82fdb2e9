module RefModule (
  input clk,
  input reset,
  input a,
  input b,
  output s,
  output cout
);
  reg carry;
  always @(posedge clk) begin
    if (reset) carry <= 1'b0;
    else carry <= (a & b) | (a & carry) | (b & carry);
  end
  assign s = a ^ b ^ carry;
  assign cout = carry;
endmodule
