module RefModule (
  input clk,
  input rst_n,
  input x,
  output z
);
  localparam IDLE = 2'd0, ONE = 2'd1, TWO = 2'd2;
  reg [1:0] state;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) state <= IDLE;
    else case (state)
      IDLE: state <= x ? ONE : IDLE;
      ONE: state <= x ? TWO : IDLE;
      TWO: state <= x ? TWO : IDLE;
      default: state <= IDLE;
    endcase
  end
  assign z = state == TWO && !x;
endmodule
