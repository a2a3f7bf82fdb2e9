module RefModule (
  input clk,
  input rst_n,
  input button,
  input top,
  input bottom,
  input obstacle,
  output reg [2:0] state,
  output motor_up,
  output motor_down
);
  localparam CLOSED = 3'd0, OPENING = 3'd1, OPENED = 3'd2, CLOSING = 3'd3, STOPPED = 3'd4;
  reg was_closing;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state <= CLOSED;
      was_closing <= 1'b0;
    end else case (state)
      CLOSED: if (button) state <= OPENING;
      OPENING: if (top) state <= OPENED; else if (button) begin state <= STOPPED; was_closing <= 1'b0; end
      OPENED: if (button) state <= CLOSING;
      CLOSING: if (obstacle) state <= OPENING; else if (bottom) state <= CLOSED; else if (button) begin state <= STOPPED; was_closing <= 1'b1; end
      default: if (button) state <= was_closing ? OPENING : CLOSING;
    endcase
  end
  assign motor_up = state == OPENING;
  assign motor_down = state == CLOSING;
endmodule
