module RefModule (
  input [31:0] bus,
  input [2:0] sel,
  output [3:0] y
);
  assign y = bus[sel * 4 +: 4];
endmodule
