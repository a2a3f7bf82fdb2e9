module RefModule (
  input clk,
  input resetn,
  input async_in,
  output sync_out,
  output pulse
);
  reg s1, s2, s3;
  always @(posedge clk) begin
    if (!resetn) begin
      s1 <= 1'b0;
      s2 <= 1'b0;
      s3 <= 1'b0;
    end else begin
      s1 <= async_in;
      s2 <= s1;
      s3 <= s2;
    end
  end
  assign sync_out = s2;
  assign pulse = s2 & ~s3;
endmodule
