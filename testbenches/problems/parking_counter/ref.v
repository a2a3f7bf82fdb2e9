module RefModule (
  input clk,
  input reset,
  input a,
  input b,
  output reg [3:0] count
);
  localparam IDLE = 3'd0, E1 = 3'd1, E2 = 3'd2, E3 = 3'd3, X1 = 3'd4, X2 = 3'd5, X3 = 3'd6;
  reg [2:0] state;
  wire [1:0] s = {a, b};
  always @(posedge clk) begin
    if (reset) begin
      state <= IDLE;
      count <= 4'd0;
    end else case (state)
      IDLE: state <= (s == 2'b10) ? E1 : (s == 2'b01) ? X1 : IDLE;
      E1: state <= (s == 2'b10) ? E1 : (s == 2'b11) ? E2 : IDLE;
      E2: state <= (s == 2'b11) ? E2 : (s == 2'b01) ? E3 : IDLE;
      E3: if (s == 2'b01) state <= E3;
          else begin
            state <= IDLE;
            if (s == 2'b00 && count != 4'd15) count <= count + 4'd1;
          end
      X1: state <= (s == 2'b01) ? X1 : (s == 2'b11) ? X2 : IDLE;
      X2: state <= (s == 2'b11) ? X2 : (s == 2'b10) ? X3 : IDLE;
      X3: if (s == 2'b10) state <= X3;
          else begin
            state <= IDLE;
            if (s == 2'b00 && count != 4'd0) count <= count - 4'd1;
          end
      default: state <= IDLE;
    endcase
  end
endmodule
