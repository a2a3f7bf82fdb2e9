import Testing

@testable import Verilog

@Suite("Construct policy")
struct ConstructPolicyTests {
    let policy = ConstructPolicy()

    @Test("ordinary RTL, generate labels, own instances and struct fields are allowed")
    func allowsDesigns() {
        let code = """
            `timescale 1ns/1ps
            `define W 8
            typedef struct packed { logic [3:0] hi; logic [3:0] lo; } pair_t;
            module sub(input [`W-1:0] x, output [`W-1:0] y); assign y = ~x; endmodule
            module TopModule(input clk, input [7:0] a, output reg [7:0] q, output [7:0] r);
              pair_t p;
              sub u0 (.x(a), .y(r));
              genvar i;
              generate for (i = 0; i < 2; i = i + 1) begin : g
                wire w;
                assign w = a[i];
              end endgenerate
              always @(posedge clk) begin
                p.hi <= a[7:4];
                q <= {p.hi, g[0].w, 3'b0} + $signed(a) + $clog2(8);
                $display("q=%d 1.5", q);
              end
            endmodule
            """
        #expect(policy.violations(in: code).isEmpty, "\(policy.violations(in: code))")
    }

    @Test(
        "refuses simulation control, files, foreign code and reaching into the testbench",
        arguments: [
            ("initial #1 $finish;", "$finish"),
            ("initial $stop;", "$stop"),
            ("initial $fatal(1);", "$fatal"),
            ("integer f; initial f = $fopen(\"x\");", "$fopen"),
            ("reg [7:0] m [0:3]; initial $readmemh(\"/etc/passwd\", m);", "$readmemh"),
            ("initial $dumpfile(\"a.vcd\");", "$dumpfile"),
            ("initial $system(\"ls\");", "$system"),
            ("always @* tb.stats1.errors = 0;", "tb.stats1"),
            ("initial force tb.errors = 0;", "tb.errors"),
            ("always @* $root.tb.x = 0;", "$root"),
            ("initial stim1.x = 1;", "stim1.x"),
        ])
    func refuses(body: String, construct: String) {
        let code = "module TopModule(input a, output b);\n\(body)\nendmodule\n"
        let found = policy.violations(in: code)
        #expect(found.contains { $0.construct.hasPrefix(construct) }, "\(found)")
    }

    @Test("refuses include, bind, DPI imports, NUL bytes and oversized sources")
    func refusesOther() {
        #expect(!policy.violations(in: "`include \"/etc/hostname\"\nmodule m; endmodule").isEmpty)
        #expect(!policy.violations(in: "module m; endmodule\nbind tb m x();").isEmpty)
        #expect(!policy.violations(in: "module m; import \"DPI-C\" function int f(); endmodule").isEmpty)
        #expect(!policy.violations(in: "module m;\u{0} endmodule").isEmpty)
        let huge = "module m;\n" + String(repeating: "// padding\n", count: 30_000) + "endmodule\n"
        #expect(policy.violations(in: huge).first?.reason.contains("limit") == true)
    }
}
