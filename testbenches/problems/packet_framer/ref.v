module RefModule (
  input clk,
  input reset,
  input in_valid,
  input [7:0] in_data,
  output reg out_valid,
  output reg [7:0] out_data,
  output reg out_last
);
  localparam HUNT = 2'd0, LEN = 2'd1, PAYLOAD = 2'd2;
  reg [1:0] state;
  reg [7:0] left;
  always @(posedge clk) begin
    if (reset) begin
      state <= HUNT; left <= 8'd0; out_valid <= 1'b0; out_data <= 8'd0; out_last <= 1'b0;
    end else begin
      out_valid <= 1'b0;
      out_last <= 1'b0;
      if (in_valid) case (state)
        HUNT: if (in_data == 8'hA5) state <= LEN;
        LEN: if (in_data == 8'd0) state <= HUNT; else begin left <= in_data; state <= PAYLOAD; end
        default: begin
          out_valid <= 1'b1;
          out_data <= in_data;
          left <= left - 8'd1;
          if (left == 8'd1) begin out_last <= 1'b1; state <= HUNT; end
        end
      endcase
    end
  end
endmodule
