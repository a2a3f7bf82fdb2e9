import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Rewards

@Suite("Compiler messages in the answer's terms")
struct CompilerDiagnosticsTests {
    /// v1 layout: the testbench fills lines 1-9 of test.sv; the candidate starts on line 10 with
    /// one header line the checker added.
    let v1Layout = CompilerDiagnostics(
        file: "test.sv", firstLine: 10, code: "module m(output x);\n  assign x = ;\nendmodule", addedLines: 1,
        followingFiles: ["watchdog.sv"])

    @Test("a line of the answer is numbered as the answer wrote it, and quoted")
    func lineInTheAnswer() {
        #expect(
            v1Layout.translate(file: "test.sv", line: 11, text: "syntax error", parseFailure: true)
                == "answer line 1: syntax error: `assign x = ;`")
        #expect(
            v1Layout.translate(file: "test.sv", line: 10, text: "error: x", parseFailure: false)
                == "in the module header: error: x: `module m(output x);`")
    }

    @Test("a parse error past the answer's end says something is left open; other harness errors do not")
    func pastTheEnd() {
        for (file, line) in [("watchdog.sv", 3), ("test.sv", 14)] {
            #expect(
                v1Layout.translate(file: file, line: line, text: "syntax error", parseFailure: true)
                    == "after the answer's last line: syntax error; a module, block or comment it opens is not closed")
        }
        #expect(
            v1Layout.translate(file: "watchdog.sv", line: 3, text: "error: port ``q'' is not a port", parseFailure: false)
                == "where the testbench uses the design: error: port ``q'' is not a port")
    }

    @Test("testbench lines are not named by file or line")
    func hiddenTestbench() {
        #expect(
            v1Layout.translate(file: "test.sv", line: 4, text: "error: Unknown module type: top_module", parseFailure: false)
                == "in the testbench: error: Unknown module type: top_module")
    }

    @Test("describe merges messages at one place and past the end, skips the error total, keeps three places")
    func describeLog() {
        let log = """
            test.sv:11: syntax error
            test.sv:11: error: Invalid module item.
            test.sv:12: warning: ignored
            test.sv:12: error: e12
            test.sv:13: error: e13
            watchdog.sv:2: error: e2
            2 error(s) during elaboration.
            I give up.

            """
        let lines = v1Layout.describe(log)?.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "answer line 1: syntax error; error: Invalid module item.: `assign x = ;`",
                "answer line 2: error: e12: `endmodule`",
                "after the answer's last line: error: e13; a module, block or comment it opens is not closed",
            ])
        let places = (1...5).map { "test.sv:\(9 + $0): error: e\($0)" }.joined(separator: "\n")
        #expect(
            CompilerDiagnostics(file: "test.sv", firstLine: 10, code: "a\nb\nc\nd\ne", followingFiles: [])
                .describe(places)?.hasSuffix("\n(2 more)") == true)
        #expect(v1Layout.describe("test.sv:12: warning: only this") == "answer line 2: warning: only this: `endmodule`")
        #expect(v1Layout.describe("3 error(s) during elaboration.\nvvp: cannot open") == "vvp: cannot open")
        #expect(v1Layout.describe("") == nil)
    }

    /// `broken` has a syntax error on the answer's second line, `quoted`; `open` leaves its module open.
    func expectAnswerTerms(broken: Verdict, quoting line: String, open: Verdict) {
        #expect(broken.verdictClass == .syntaxError)
        #expect(broken.detail.hasPrefix("answer line 2: syntax error"), "\(broken.detail)")
        #expect(broken.detail.contains("`\(line)`"), "\(broken.detail)")
        #expect(open.verdictClass == .syntaxError)
        #expect(open.detail.hasPrefix("after the answer's last line"), "\(open.detail)")
        #expect(!open.detail.contains(".sv"), "no harness file named: \(open.detail)")
    }

    @Test("v1 verdicts number the body's lines and name an unclosed module")
    func v1Verdicts() throws {
        let problem = try #require(try VerilogEval.load(.v1Human, datasetDir: Fixtures.verilogEval).first { $0.id == "zero" })
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: .testbench)
        func verdict(_ body: String) -> Verdict {
            scorer.score(
                ScoreRequest(problem: problem, candidate: .fromSample(body, problem: problem, completionIsBody: true))
            ).verdict
        }
        expectAnswerTerms(
            broken: verdict("\tassign zero = 1'b0;\n\tassign zero = 1'b0 +;\nendmodule\n"), quoting: "assign zero = 1'b0 +;",
            open: verdict("\tassign zero = 1'b0;\n"))
    }

    @Test("v2 and differential verdicts point into the answer", arguments: [CheckerKind.testbench, .equivalence])
    func candidateFileVerdicts(checker: CheckerKind) throws {
        let problem = try Fixtures.exampleProblem("counter4")
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: checker)
        func verdict(_ code: String) -> Verdict {
            scorer.score(ScoreRequest(problem: problem, completion: "```verilog\n\(code)\n```")).verdict
        }
        let header = "module TopModule(input clk, input reset, output reg [3:0] q);"
        expectAnswerTerms(
            broken: verdict("\(header)\n always @(posedge clk) q <= q +;\nendmodule"), quoting: "always @(posedge clk) q <= q +;",
            open: verdict("\(header)\n always @(posedge clk) q <= q + 1;\n"))
        let renamed = verdict(
            "module TopModule(input clk, input rst, output reg [3:0] q);\n always @(posedge clk) q <= q + 1;\nendmodule")
        #expect(renamed.verdictClass == .compileError, "\(renamed.detail)")
        #expect(!renamed.detail.contains(".sv"), "no harness file named: \(renamed.detail)")
    }
}
