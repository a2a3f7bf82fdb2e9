module RefModule (
  input clk,
  input reset,
  input load,
  input [7:0] d,
  input en,
  input up,
  output reg [7:0] count
);
  always @(posedge clk) begin
    if (reset) count <= 8'd0;
    else if (load) count <= d;
    else if (en) count <= up ? count + 8'd1 : count - 8'd1;
  end
endmodule
