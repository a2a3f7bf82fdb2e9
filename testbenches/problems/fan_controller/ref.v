module RefModule (
  input clk,
  input rst_n,
  input [7:0] temp,
  output reg [1:0] speed,
  output overheat
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) speed <= 2'd0;
    else case (speed)
      2'd0: if (temp >= 8'd60) speed <= 2'd2; else if (temp >= 8'd40) speed <= 2'd1;
      2'd1: if (temp >= 8'd60) speed <= 2'd2; else if (temp < 8'd35) speed <= 2'd0;
      default: if (temp < 8'd35) speed <= 2'd0; else if (temp < 8'd55) speed <= 2'd1;
    endcase
  end
  assign overheat = temp >= 8'd90;
endmodule
