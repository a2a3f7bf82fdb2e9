module RefModule (
  input clk,
  input reset,
  input wr,
  input [7:0] din,
  input [2:0] age,
  output [7:0] dout
);
  reg [7:0] mem [0:7];
  reg [2:0] head;
  wire [2:0] next = head + 3'd1;
  wire [2:0] ridx = head - age;
  integer i;
  always @(posedge clk) begin
    if (reset) begin
      head <= 3'd0;
      for (i = 0; i < 8; i = i + 1) mem[i] <= 8'd0;
    end else if (wr) begin
      mem[next] <= din;
      head <= next;
    end
  end
  assign dout = mem[ridx];
endmodule
