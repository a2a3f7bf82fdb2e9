module RefModule (
  input clk,
  input reset,
  input scl,
  input sda,
  output reg start,
  output reg stop,
  output reg busy
);
  reg scl_p, sda_p;
  wire st = scl && scl_p && sda_p && !sda;
  wire sp = scl && scl_p && !sda_p && sda;
  always @(posedge clk) begin
    if (reset) begin
      scl_p <= 1'b1; sda_p <= 1'b1; start <= 1'b0; stop <= 1'b0; busy <= 1'b0;
    end else begin
      scl_p <= scl;
      sda_p <= sda;
      start <= st;
      stop <= sp;
      if (st) busy <= 1'b1;
      else if (sp) busy <= 1'b0;
    end
  end
endmodule
