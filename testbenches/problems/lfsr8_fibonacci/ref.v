module RefModule (
  input clk,
  input reset,
  input en,
  output [7:0] out
);
  reg [7:0] state;
  wire fb = state[7] ^ state[5] ^ state[4] ^ state[3];
  always @(posedge clk) begin
    if (reset) state <= 8'h01;
    else if (en) state <= {state[6:0], fb};
  end
  assign out = state;
endmodule
