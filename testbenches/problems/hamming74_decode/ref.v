module RefModule (
  input [6:0] code,
  output [3:0] d,
  output [2:0] syndrome,
  output error
);
  wire s1 = code[0] ^ code[2] ^ code[4] ^ code[6];
  wire s2 = code[1] ^ code[2] ^ code[5] ^ code[6];
  wire s4 = code[3] ^ code[4] ^ code[5] ^ code[6];
  assign syndrome = {s4, s2, s1};
  assign error = syndrome != 3'd0;
  wire [6:0] fixed = error ? code ^ (7'd1 << (syndrome - 3'd1)) : code;
  assign d = {fixed[6], fixed[5], fixed[4], fixed[2]};
endmodule
