module RefModule (
  input clk,
  input rst_n,
  input put,
  input take,
  input [7:0] din,
  output reg [7:0] data,
  output reg full,
  output reg overflow
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      data <= 8'd0;
      full <= 1'b0;
      overflow <= 1'b0;
    end else if (put) begin
      if (!full || take) begin
        data <= din;
        full <= 1'b1;
      end else overflow <= 1'b1;
    end else if (take) full <= 1'b0;
  end
endmodule
