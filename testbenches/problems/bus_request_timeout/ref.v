module RefModule (
  input clk,
  input resetn,
  input need,
  input gnt,
  input clear,
  output reg [1:0] state,
  output req,
  output error
);
  localparam IDLE = 2'd0, REQ = 2'd1, OWN = 2'd2, ERR = 2'd3;
  reg [2:0] waitc;
  always @(posedge clk) begin
    if (!resetn) begin
      state <= IDLE;
      waitc <= 3'd0;
    end else case (state)
      IDLE: begin waitc <= 3'd0; if (need) state <= REQ; end
      REQ: if (gnt) state <= OWN;
           else if (waitc == 3'd7) state <= ERR;
           else waitc <= waitc + 3'd1;
      OWN: if (!need) state <= IDLE;
      default: if (clear) state <= IDLE;
    endcase
  end
  assign req = state == REQ;
  assign error = state == ERR;
endmodule
