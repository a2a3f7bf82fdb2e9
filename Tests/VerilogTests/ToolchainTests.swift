import Foundation
import TestSupport
import Testing

@testable import Verilog

@Suite("Tool front ends")
struct ToolchainTests {
    let toolchain = Fixtures.toolchain

    @Test("finds every tool and reports its version")
    func versions() throws {
        for tool in Toolchain.Tool.allCases { _ = try toolchain.path(tool) }
        #expect(toolchain.versions.iverilog?.isEmpty == false)
        #expect(toolchain.versions.verilator?.contains("Verilator") == true)
        #expect(toolchain.versions.yosys?.contains("Yosys") == true)
    }

    @Test("iverilog compiles and vvp runs in one sandbox")
    func icarusRun() throws {
        let run = try toolchain.icarus(
            [SourceFile(name: "t.v", text: "module t; initial $display(\"hello %0d\", 6*7); endmodule\n")],
            roots: ["t"])
        #expect(run.compile.succeeded)
        #expect(run.simulation?.stdout.contains("hello 42") == true)
    }

    @Test("a syntax error stops before simulation")
    func icarusSyntaxError() throws {
        let run = try toolchain.icarus([SourceFile(name: "t.v", text: "module t; initial begin endmodule\n")], roots: ["t"])
        #expect(!run.compile.succeeded)
        #expect(run.simulation == nil)
        #expect(run.log.contains("syntax error"))
    }

    @Test("yosys resolves parameterised port widths in declaration order")
    func yosysPorts() throws {
        let source = """
            module M #(parameter W = 5) (input clk, input [W-1:0] a, input signed [2*W:0] b, output reg [W:0] y);
              always @(posedge clk) y <= a + 1;
            endmodule
            """
        let ports = try toolchain.ports(of: source, top: "M").get()
        #expect(
            ports == [
                ModulePort(name: "clk", direction: .input, width: 1),
                ModulePort(name: "a", direction: .input, width: 5),
                ModulePort(name: "b", direction: .input, width: 11, signed: true),
                ModulePort(name: "y", direction: .output, width: 6),
            ])
    }

    @Test("yosys failures are results carrying the log")
    func yosysFailure() throws {
        let result = try toolchain.ports(of: "module M(input a; endmodule", top: "M")
        guard case .failure(let failure) = result else { Issue.record("expected failure"); return }
        #expect(failure.log.contains("ERROR"))
    }

    @Test("verilator lint reports warnings without failing")
    func verilatorLint() throws {
        let report = try toolchain.verilatorLint(
            [
                SourceFile(
                    name: "m.v",
                    text: """
                        module M(input [3:0] a, output [1:0] y);
                          wire unused;
                          assign y = a;
                        endmodule
                        """)
            ], top: "M")
        #expect(report.errors.isEmpty)
        #expect(report.warnings.contains { $0.contains("WIDTH") })
    }

    @Test("verilator --binary builds and runs a simulation")
    func verilatorBinary() throws {
        let (build, run) = try toolchain.verilatorBinary(
            [
                SourceFile(
                    name: "t.sv",
                    text: """
                        module t;
                          initial begin $display("sum %0d", 20 + 22); $finish; end
                        endmodule
                        """)
            ], top: "t")
        #expect(build.succeeded, "\(build.stderr)")
        #expect(run?.stdout.contains("sum 42") == true)
    }
}
