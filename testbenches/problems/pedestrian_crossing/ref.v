module RefModule (
  input clk,
  input areset,
  input button,
  output car_green,
  output car_amber,
  output car_red,
  output walk
);
  localparam CARS = 2'd0, AMBER = 2'd1, WALKS = 2'd2;
  reg [1:0] state;
  reg [1:0] t;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      state <= CARS;
      t <= 2'd0;
    end else case (state)
      CARS: begin t <= 2'd0; if (button) state <= AMBER; end
      AMBER: if (t == 2'd1) begin state <= WALKS; t <= 2'd0; end else t <= t + 2'd1;
      default: if (t == 2'd3) begin state <= CARS; t <= 2'd0; end else t <= t + 2'd1;
    endcase
  end
  assign car_green = state == CARS;
  assign car_amber = state == AMBER;
  assign car_red = state == WALKS;
  assign walk = state == WALKS;
endmodule
