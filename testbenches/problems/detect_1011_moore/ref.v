module RefModule (
  input clk,
  input reset,
  input din,
  output found
);
  localparam S0 = 3'd0, S1 = 3'd1, S10 = 3'd2, S101 = 3'd3, S1011 = 3'd4;
  reg [2:0] state;
  always @(posedge clk) begin
    if (reset) state <= S0;
    else case (state)
      S0: state <= din ? S1 : S0;
      S1: state <= din ? S1 : S10;
      S10: state <= din ? S101 : S0;
      S101: state <= din ? S1011 : S10;
      default: state <= din ? S1 : S10;
    endcase
  end
  assign found = state == S1011;
endmodule
