module RefModule (
  input clk,
  input reset,
  input [1:0] coin,
  output reg dispense,
  output reg [4:0] change,
  output [4:0] credit
);
  reg [1:0] units;
  reg [3:0] total;
  always @* begin
    case (coin)
      2'd0: total = units;
      2'd1: total = units + 4'd1;
      2'd2: total = units + 4'd2;
      default: total = units + 4'd5;
    endcase
  end
  always @(posedge clk) begin
    if (reset) begin
      units <= 2'd0;
      dispense <= 1'b0;
      change <= 5'd0;
    end else if (total >= 4'd3) begin
      units <= 2'd0;
      dispense <= 1'b1;
      change <= (total - 4'd3) * 5'd5;
    end else begin
      units <= total[1:0];
      dispense <= 1'b0;
      change <= 5'd0;
    end
  end
  assign credit = units * 5'd5;
endmodule
