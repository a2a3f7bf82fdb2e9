module RefModule (
  input [31:0] bus,
  input [2:0] sel,
  output [3:0] y
);
  wire [4:0] base = {sel, 2'b00};
  assign y = bus[base +: 4];
endmodule
