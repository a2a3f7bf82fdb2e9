module RefModule (
  input clk,
  input reset,
  input valid,
  input clear,
  input [7:0] sample,
  input [1:0] rbin,
  output [7:0] count,
  output reg [1:0] max_bin
);
  reg [7:0] hist [0:3];
  integer i;
  always @(posedge clk) begin
    if (reset || clear)
      for (i = 0; i < 4; i = i + 1) hist[i] <= 8'd0;
    else if (valid && hist[sample[7:6]] != 8'd255)
      hist[sample[7:6]] <= hist[sample[7:6]] + 8'd1;
  end
  assign count = hist[rbin];
  always @* begin
    max_bin = 2'd0;
    for (i = 1; i < 4; i = i + 1)
      if (hist[i] > hist[max_bin]) max_bin = i;
  end
endmodule
