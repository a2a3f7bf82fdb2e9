module RefModule (
  input clk,
  input resetn,
  input in,
  output alarm,
  output reg [1:0] run
);
  always @(posedge clk) begin
    if (!resetn) run <= 2'd0;
    else if (!in) run <= 2'd0;
    else if (run != 2'd3) run <= run + 2'd1;
  end
  assign alarm = in && run >= 2'd2;
endmodule
