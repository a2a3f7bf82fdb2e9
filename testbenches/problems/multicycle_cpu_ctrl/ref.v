module RefModule (
  input clk,
  input reset,
  input [1:0] opcode,
  output reg [2:0] state,
  output ir_load,
  output reg_write,
  output mem_read,
  output mem_write
);
  localparam FETCH = 3'd0, DECODE = 3'd1, EXEC = 3'd2, MEM = 3'd3, WB = 3'd4, HALT = 3'd5;
  reg [1:0] op;
  always @(posedge clk) begin
    if (reset) begin
      state <= FETCH;
      op <= 2'd0;
    end else case (state)
      FETCH: state <= DECODE;
      DECODE: begin
        op <= opcode;
        case (opcode)
          2'd0: state <= EXEC;
          2'd3: state <= HALT;
          default: state <= MEM;
        endcase
      end
      EXEC: state <= WB;
      MEM: state <= (op == 2'd1) ? WB : FETCH;
      WB: state <= FETCH;
      default: state <= HALT;
    endcase
  end
  assign ir_load = state == FETCH;
  assign reg_write = state == WB;
  assign mem_read = state == MEM && op == 2'd1;
  assign mem_write = state == MEM && op == 2'd2;
endmodule
