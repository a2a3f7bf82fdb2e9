module RefModule (
  input clk,
  input rst_n,
  output reg [3:0] count,
  output tc
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) count <= 4'd0;
    else if (count == 4'd11) count <= 4'd0;
    else count <= count + 4'd1;
  end
  assign tc = count == 4'd11;
endmodule
