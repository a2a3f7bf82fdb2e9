module RefModule (
  input clk,
  input reset,
  input [3:0] idx,
  output reg [7:0] value,
  output at_peak
);
  always @(posedge clk) begin
    if (reset) value <= 8'd0;
    else case (idx)
      4'd0: value <= 8'd0;
      4'd1: value <= 8'd25;
      4'd2: value <= 8'd50;
      4'd3: value <= 8'd74;
      4'd4: value <= 8'd98;
      4'd5: value <= 8'd120;
      4'd6: value <= 8'd142;
      4'd7: value <= 8'd162;
      4'd8: value <= 8'd180;
      4'd9: value <= 8'd197;
      4'd10: value <= 8'd212;
      4'd11: value <= 8'd225;
      4'd12: value <= 8'd236;
      4'd13: value <= 8'd244;
      4'd14: value <= 8'd250;
      default: value <= 8'd254;
    endcase
  end
  assign at_peak = value == 8'd254;
endmodule
