module RefModule (
  input clk,
  input areset,
  input en,
  input dir,
  output reg [3:0] q
);
  always @(posedge clk or posedge areset) begin
    if (areset) q <= 4'b0001;
    else if (en) q <= dir ? {q[0], q[3:1]} : {q[2:0], q[3]};
  end
endmodule
