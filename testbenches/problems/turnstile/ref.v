module RefModule (
  input clk,
  input areset,
  input coin,
  input push,
  input service,
  output locked,
  output alarm,
  output reg [7:0] coins
);
  localparam LOCKED = 2'd0, UNLOCKED = 2'd1, ALARM = 2'd2;
  reg [1:0] state;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      state <= LOCKED;
      coins <= 8'd0;
    end else case (state)
      LOCKED: begin
        if (coin) begin state <= UNLOCKED; coins <= coins + 8'd1; end
        else if (push) state <= ALARM;
      end
      UNLOCKED: begin
        if (push) state <= LOCKED;
        if (coin) coins <= coins + 8'd1;
      end
      default: if (service) state <= LOCKED;
    endcase
  end
  assign locked = state != UNLOCKED;
  assign alarm = state == ALARM;
endmodule
