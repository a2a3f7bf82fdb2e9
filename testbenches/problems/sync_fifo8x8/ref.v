module RefModule (
  input clk,
  input reset,
  input push,
  input pop,
  input [7:0] din,
  output reg [7:0] dout,
  output full,
  output empty,
  output reg [3:0] count
);
  reg [7:0] mem [0:7];
  reg [2:0] wp, rp;
  wire do_push = push && count != 4'd8;
  wire do_pop = pop && count != 4'd0;
  always @(posedge clk) begin
    if (reset) begin
      wp <= 3'd0; rp <= 3'd0; count <= 4'd0; dout <= 8'd0;
    end else begin
      if (do_push) begin mem[wp] <= din; wp <= wp + 3'd1; end
      if (do_pop) begin dout <= mem[rp]; rp <= rp + 3'd1; end
      count <= count + do_push - do_pop;
    end
  end
  assign full = count == 4'd8;
  assign empty = count == 4'd0;
endmodule
