module RefModule (
  input [14:0] therm,
  output reg [3:0] count,
  output valid
);
  integer i;
  reg run;
  always @* begin
    count = 4'd0;
    run = 1'b1;
    for (i = 0; i < 15; i = i + 1)
      if (run && therm[i]) count = count + 4'd1;
      else run = 1'b0;
  end
  assign valid = (therm == ((15'd1 << count) - 15'd1));
endmodule
