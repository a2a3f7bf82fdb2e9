module RefModule (
  input clk,
  input resetn,
  input send,
  input [7:0] din,
  input ack,
  output req,
  output ready,
  output reg [7:0] dout
);
  localparam IDLE = 2'd0, REQ = 2'd1, WAIT_LOW = 2'd2;
  reg [1:0] state;
  always @(posedge clk) begin
    if (!resetn) begin
      state <= IDLE;
      dout <= 8'd0;
    end else case (state)
      IDLE: if (send) begin dout <= din; state <= REQ; end
      REQ: if (ack) state <= WAIT_LOW;
      WAIT_LOW: if (!ack) state <= IDLE;
      default: state <= IDLE;
    endcase
  end
  assign req = state == REQ;
  assign ready = state == IDLE;
endmodule
