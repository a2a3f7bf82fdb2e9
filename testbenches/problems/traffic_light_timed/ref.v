module RefModule (
  input clk,
  input reset,
  output reg [2:0] ns,
  output reg [2:0] ew
);
  localparam NSG = 2'd0, NSY = 2'd1, EWG = 2'd2, EWY = 2'd3;
  reg [1:0] phase;
  reg [2:0] timer;
  always @(posedge clk) begin
    if (reset) begin
      phase <= NSG;
      timer <= 3'd0;
    end else begin
      case (phase)
        NSG, EWG: if (timer == 3'd4) begin phase <= phase + 2'd1; timer <= 3'd0; end else timer <= timer + 3'd1;
        default: if (timer == 3'd1) begin phase <= phase + 2'd1; timer <= 3'd0; end else timer <= timer + 3'd1;
      endcase
    end
  end
  always @* begin
    case (phase)
      NSG: begin ns = 3'b001; ew = 3'b100; end
      NSY: begin ns = 3'b010; ew = 3'b100; end
      EWG: begin ns = 3'b100; ew = 3'b001; end
      default: begin ns = 3'b100; ew = 3'b010; end
    endcase
  end
endmodule
