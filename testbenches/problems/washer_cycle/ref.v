module RefModule (
  input clk,
  input reset,
  input start,
  input full,
  input abort,
  output reg [2:0] phase,
  output motor,
  output valve
);
  localparam IDLE = 3'd0, FILL = 3'd1, WASH = 3'd2, RINSE = 3'd3, SPIN = 3'd4, DONE = 3'd5;
  reg [2:0] t;
  always @(posedge clk) begin
    if (reset) begin
      phase <= IDLE;
      t <= 3'd0;
    end else if (abort && phase != IDLE) begin
      phase <= IDLE;
      t <= 3'd0;
    end else case (phase)
      IDLE: begin t <= 3'd0; if (start) phase <= FILL; end
      FILL: if (full) phase <= WASH;
      WASH: if (t == 3'd5) begin phase <= RINSE; t <= 3'd0; end else t <= t + 3'd1;
      RINSE: if (t == 3'd3) begin phase <= SPIN; t <= 3'd0; end else t <= t + 3'd1;
      SPIN: if (t == 3'd2) begin phase <= DONE; t <= 3'd0; end else t <= t + 3'd1;
      default: phase <= IDLE;
    endcase
  end
  assign motor = phase == WASH || phase == RINSE || phase == SPIN;
  assign valve = phase == FILL;
endmodule
