module RefModule (
  input clk,
  input rst_n,
  input sample_valid,
  input [7:0] sample,
  output reg [7:0] max,
  output reg [7:0] count,
  output new_max
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      max <= 8'd0;
      count <= 8'd0;
    end else if (sample_valid) begin
      if (sample > max) max <= sample;
      if (count != 8'd255) count <= count + 8'd1;
    end
  end
  assign new_max = sample_valid && sample > max;
endmodule
