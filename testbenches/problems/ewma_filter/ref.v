module RefModule (
  input clk,
  input reset,
  input valid,
  input load,
  input [7:0] x,
  output reg [7:0] avg
);
  always @(posedge clk) begin
    if (reset) avg <= 8'd0;
    else if (load) avg <= x;
    else if (valid) avg <= avg - (avg >> 2) + (x >> 2);
  end
endmodule
