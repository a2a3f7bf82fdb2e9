module RefModule (
  input clk,
  input rst_n,
  input start,
  input [7:0] data,
  output reg tx,
  output busy
);
  reg [3:0] bitpos;
  reg [7:0] shreg;
  reg active;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      tx <= 1'b1;
      active <= 1'b0;
      bitpos <= 4'd0;
      shreg <= 8'd0;
    end else if (!active) begin
      if (start) begin
        active <= 1'b1;
        shreg <= data;
        tx <= 1'b0;
        bitpos <= 4'd0;
      end
    end else if (bitpos < 4'd8) begin
      tx <= shreg[0];
      shreg <= shreg >> 1;
      bitpos <= bitpos + 4'd1;
    end else if (bitpos == 4'd8) begin
      tx <= 1'b1;
      bitpos <= 4'd9;
    end else begin
      active <= 1'b0;
      tx <= 1'b1;
    end
  end
  assign busy = active;
endmodule
