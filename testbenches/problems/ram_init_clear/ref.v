module RefModule (
  input clk,
  input reset,
  input we,
  input [3:0] addr,
  input [3:0] din,
  input [3:0] raddr,
  output [3:0] dout,
  output reg busy
);
  reg [3:0] mem [0:15];
  reg [3:0] ptr;
  always @(posedge clk) begin
    if (reset) begin
      busy <= 1'b1;
      ptr <= 4'd0;
    end else if (busy) begin
      mem[ptr] <= 4'd0;
      ptr <= ptr + 4'd1;
      if (ptr == 4'd15) busy <= 1'b0;
    end else if (we) mem[addr] <= din;
  end
  assign dout = busy ? 4'd0 : mem[raddr];
endmodule
