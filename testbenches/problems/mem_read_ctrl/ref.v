module RefModule (
  input clk,
  input areset,
  input rd,
  input [7:0] addr,
  input mem_ready,
  input [15:0] mem_data,
  output mem_en,
  output valid,
  output busy,
  output reg [7:0] mem_addr,
  output reg [15:0] rdata
);
  localparam IDLE = 2'd0, WAITS = 2'd1, DONE = 2'd2;
  reg [1:0] state;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      state <= IDLE; mem_addr <= 8'd0; rdata <= 16'd0;
    end else case (state)
      IDLE: if (rd) begin mem_addr <= addr; state <= WAITS; end
      WAITS: if (mem_ready) begin rdata <= mem_data; state <= DONE; end
      default: state <= IDLE;
    endcase
  end
  assign mem_en = state == WAITS;
  assign valid = state == DONE;
  assign busy = state != IDLE;
endmodule
