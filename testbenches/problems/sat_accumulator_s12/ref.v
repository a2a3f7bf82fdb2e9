module RefModule (
  input clk,
  input areset,
  input valid,
  input [7:0] x,
  output reg [11:0] acc,
  output at_limit
);
  wire [12:0] s = {acc[11], acc} + {{5{x[7]}}, x};
  always @(posedge clk or posedge areset) begin
    if (areset) acc <= 12'd0;
    else if (valid) begin
      if (s[12] != s[11]) acc <= s[12] ? 12'h800 : 12'h7ff;
      else acc <= s[11:0];
    end
  end
  assign at_limit = acc == 12'h7ff || acc == 12'h800;
endmodule
