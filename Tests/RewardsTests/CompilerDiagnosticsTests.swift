import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Rewards

@Suite("Compiler messages in the design's terms")
struct CompilerDiagnosticsTests {
    let v1Layout = CompilerDiagnostics(
        file: "test.sv", firstLine: 10, code: "module m(output x);\n  assign x = ;\nendmodule",
        followingFiles: ["watchdog.sv"])

    @Test("a line of the candidate becomes its line in the design, quoted")
    func lineInTheDesign() {
        #expect(v1Layout.translate("test.sv:11: syntax error") == "design line 2: syntax error: `assign x = ;`")
    }

    @Test("an error in a later file or past the design's end says something is left open")
    func pastTheEnd() {
        let later = v1Layout.translate("watchdog.sv:3: syntax error")
        #expect(later.hasPrefix("after the design's last line: syntax error; a module, block or comment"))
        #expect(later.hasSuffix("(watchdog.sv:3: syntax error)"))
        #expect(v1Layout.translate("test.sv:14: syntax error").hasPrefix("after the design's last line"))
    }

    @Test("testbench lines and other messages are named as such or kept")
    func otherMessages() {
        #expect(
            v1Layout.translate("test.sv:4: error: Unknown module type: top_module")
                == "in the testbench (test.sv:4: error: Unknown module type: top_module)")
        #expect(v1Layout.translate("I give up.") == "I give up.")
        #expect(v1Layout.translate("ref.sv:2: error: x") == "ref.sv:2: error: x")
    }

    @Test("describe keeps the first three error lines and counts the rest")
    func describeLimits() {
        let log = (11...15).map { "test.sv:\($0 > 12 ? 11 : $0): error: e\($0)" }.joined(separator: "\n") + "\nI give up.\n"
        let text = v1Layout.describe(log)
        #expect(text?.split(separator: "\n").count == 4)
        #expect(text?.hasSuffix("(2 more)") == true)
        #expect(v1Layout.describe("") == nil)
    }

    @Test("v1 testbench verdicts point into the answer, and name an unclosed module")
    func v1Verdicts() throws {
        let problem = try #require(try VerilogEval.load(.v1Human, datasetDir: Fixtures.verilogEval).first { $0.id == "zero" })
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: .testbench)
        func verdict(_ body: String) -> Verdict {
            scorer.score(
                ScoreRequest(problem: problem, candidate: .fromSample(body, problem: problem, completionIsBody: true))
            ).verdict
        }
        let broken = verdict("\tassign zero = 1'b0 +;\nendmodule\n")
        #expect(broken.verdictClass == .syntaxError)
        #expect(broken.detail.hasPrefix("design line "), "\(broken.detail)")
        #expect(broken.detail.contains("`assign zero = 1'b0 +;`"), "\(broken.detail)")
        let open = verdict("\tassign zero = 1'b0;\n")
        #expect(open.verdictClass == .syntaxError)
        #expect(open.detail.hasPrefix("after the design's last line"), "\(open.detail)")
    }

    @Test("v2 and differential verdicts point into the candidate's own file", arguments: [CheckerKind.testbench, .equivalence])
    func candidateFileVerdicts(checker: CheckerKind) throws {
        let problem = try Fixtures.exampleProblem("counter4")
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: checker)
        let code = "module TopModule(input clk, input reset, output reg [3:0] q);\n always @(posedge clk) q <= q +;\nendmodule"
        let broken = scorer.score(ScoreRequest(problem: problem, completion: "```verilog\n\(code)\n```")).verdict
        #expect(broken.verdictClass == .syntaxError)
        #expect(broken.detail.hasPrefix("design line 2: syntax error: `always @(posedge clk) q <= q +;`"), "\(broken.detail)")
    }
}
