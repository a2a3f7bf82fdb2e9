module RefModule (
  input clk,
  input reset,
  input valid,
  input [7:0] din,
  output dup,
  output reg [2:0] stored
);
  reg [7:0] e0, e1, e2, e3;
  wire m0 = stored > 3'd0 && e0 == din;
  wire m1 = stored > 3'd1 && e1 == din;
  wire m2 = stored > 3'd2 && e2 == din;
  wire m3 = stored > 3'd3 && e3 == din;
  assign dup = valid && (m0 || m1 || m2 || m3);
  always @(posedge clk) begin
    if (reset) begin
      e0 <= 8'd0; e1 <= 8'd0; e2 <= 8'd0; e3 <= 8'd0;
      stored <= 3'd0;
    end else if (valid && !dup) begin
      e0 <= din; e1 <= e0; e2 <= e1; e3 <= e2;
      if (stored != 3'd4) stored <= stored + 3'd1;
    end
  end
endmodule
