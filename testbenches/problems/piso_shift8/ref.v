module RefModule (
  input clk,
  input rst_n,
  input load,
  input shift,
  input [7:0] din,
  output sout,
  output empty
);
  reg [7:0] r;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) r <= 8'd0;
    else if (load) r <= din;
    else if (shift) r <= {r[6:0], 1'b0};
  end
  assign sout = r[7];
  assign empty = r == 8'd0;
endmodule
