module RefModule (
  input clk,
  input reset,
  input en,
  output reg [3:0] gray
);
  wire [3:0] b = {gray[3], gray[3] ^ gray[2], gray[3] ^ gray[2] ^ gray[1], gray[3] ^ gray[2] ^ gray[1] ^ gray[0]};
  wire [3:0] n = b + 4'd1;
  always @(posedge clk) begin
    if (reset) gray <= 4'd0;
    else if (en) gray <= n ^ (n >> 1);
  end
endmodule
