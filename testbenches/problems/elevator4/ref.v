module RefModule (
  input clk,
  input areset,
  input [3:0] call,
  output reg [1:0] floor,
  output reg door_open,
  output reg [3:0] pending
);
  wire [3:0] all = pending | call;
  wire [3:0] here = 4'd1 << floor;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      floor <= 2'd0;
      door_open <= 1'b0;
      pending <= 4'd0;
    end else if (pending & here) begin
      door_open <= 1'b1;
      pending <= all & ~here;
    end else begin
      door_open <= 1'b0;
      pending <= all;
      if (pending & ~((here << 1) - 4'd1)) floor <= floor + 2'd1;
      else if (pending & (here - 4'd1)) floor <= floor - 2'd1;
    end
  end
endmodule
