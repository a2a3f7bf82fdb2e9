import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Rewards
@testable import Verilog

@Suite("Rewards and the scorer")
struct RewardTests {
    let scorer = Scorer(toolchain: Fixtures.toolchain)

    func thinkAnswer(_ code: String) -> String { "<think>plan</think>\n<answer>\n```verilog\n\(code)\n```\n</answer>" }

    let counter =
        "module TopModule(input clk, input reset, output reg [3:0] q);\n always @(posedge clk) if (reset) q <= 0; else q <= q + 1;\nendmodule"
    let downCounter =
        "module TopModule(input clk, input reset, output reg [3:0] q);\n always @(posedge clk) if (reset) q <= 0; else q <= q - 1;\nendmodule"

    @Test("VeriReason's scheme: pass 2.0 + format 0.1; compiles-but-fails 0.1 + structure; no compile 0")
    func defaultScheme() throws {
        let p = try Fixtures.exampleProblem("counter4")
        let pass = scorer.score(ScoreRequest(problem: p, completion: thinkAnswer(counter)))
        #expect(pass.passed)
        #expect(abs(pass.reward - 2.1) < 1e-9)
        let wrong = scorer.score(ScoreRequest(problem: p, completion: thinkAnswer(downCounter)))
        #expect(!wrong.passed && wrong.verdict.verdictClass == .mismatch)
        #expect(wrong.compiles == 0.1 && wrong.functional == 0)
        let similarity = try #require(wrong.structuralSimilarity)
        #expect(similarity > 0.5 && similarity < 1)
        #expect(abs(wrong.reward - (0.1 + 0.1 + similarity)) < 1e-9)
        let broken = scorer.score(ScoreRequest(problem: p, completion: thinkAnswer("module TopModule(input clk; endmodule")))
        #expect(broken.verdict.verdictClass == .syntaxError)
        #expect(abs(broken.reward - 0.1) < 1e-9, "format only")
        let plain = scorer.score(ScoreRequest(problem: p, completion: "```verilog\n\(counter)\n```"))
        #expect(plain.passed && plain.format == 0 && abs(plain.reward - 2.0) < 1e-9)
    }

    @Test("partial credit grants the pass fraction and stays below a pass")
    func partialCredit() throws {
        let p = try Fixtures.exampleProblem("counter4")
        let partial = Scorer(toolchain: Fixtures.toolchain, weights: RewardWeights(partialCredit: true))
        let wrong = partial.score(ScoreRequest(problem: p, completion: downCounter))
        let fraction = wrong.verdict.passFraction
        #expect(fraction > 0 && fraction < 1)
        #expect(abs(wrong.functional - 2.0 * fraction) < 1e-9)
        #expect(wrong.structural == 0 && wrong.reward < 2.0)
    }

    @Test("weights whose structural tier reaches a pass are refused")
    func weightValidation() {
        #expect(throws: RewardsError.self) { try RewardWeights(functional: 1.0, compiles: 0.1, structural: 1.0).validate() }
        #expect(throws: Never.self) { try RewardWeights().validate() }
    }

    @Test("a forbidden design earns nothing, format included")
    func forbiddenEarnsNothing() throws {
        let p = try Fixtures.exampleProblem("counter4")
        let cheat = scorer.score(
            ScoreRequest(
                problem: p,
                completion: thinkAnswer(counter.replacingOccurrences(of: "endmodule", with: "initial $finish;\nendmodule"))))
        #expect(cheat.verdict.verdictClass == .forbidden && cheat.reward == 0)
    }

    @Test(
        "code that is not Verilog is a syntax error, not a forbidden construct", arguments: [CheckerKind.testbench, .equivalence])
    func foreignCodeIsASyntaxError(checker: CheckerKind) throws {
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: checker)
        let p = try Fixtures.exampleProblem("counter4")
        // `stdio.h` lexes as a hierarchical reference; the compiler says what it really is.
        let c = scorer.score(
            ScoreRequest(problem: p, completion: "```verilog\n#include <stdio.h>\nint main() { return 0; }\n```"))
        #expect(c.verdict.verdictClass == .syntaxError, "\(c.verdict.detail)")
        #expect(c.verdict.detail.hasPrefix("answer line 1: syntax error"), "\(c.verdict.detail)")
        #expect(c.reward == 0)
        // A hierarchical reference in code that parses is still refused before it runs.
        let reach = counter.replacingOccurrences(of: "endmodule", with: "initial tb.errors = 0;\nendmodule")
        let cheat = scorer.score(ScoreRequest(problem: p, completion: "```verilog\n\(reach)\n```"))
        #expect(cheat.verdict.verdictClass == .forbidden, "\(cheat.verdict.detail)")
        // So is an include, which is never handed to the compiler, syntax errors or not.
        let include = scorer.score(ScoreRequest(problem: p, completion: "```verilog\n`include \"/etc/passwd\"\nint main(\n```"))
        #expect(include.verdict.verdictClass == .forbidden)
    }

    @Test("mutants of a reference fail both checkers", arguments: [CheckerKind.testbench, .equivalence])
    func mutantsFail(checker: CheckerKind) throws {
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: checker)
        let p = try Fixtures.exampleProblem("rise_detect")
        let reference = ModuleNames.renaming(p.reference!, ["RefModule": "TopModule"])
        let mutants = [
            reference.replacingOccurrences(of: "in & ~last", with: "in | ~last"),  // operator
            reference.replacingOccurrences(of: "posedge clk", with: "negedge clk"),  // edge
            reference.replacingOccurrences(of: "pedge <= in & ~last", with: "pedge <= last & ~in"),  // signal
            reference.replacingOccurrences(of: "last <= in;", with: "last <= 8'hFF;"),  // constant
        ]
        #expect(scorer.score(ScoreRequest(problem: p, candidate: CandidateSource(code: reference, format: .bare))).passed)
        for mutant in mutants {
            #expect(mutant != reference)
            let result = scorer.score(ScoreRequest(problem: p, candidate: CandidateSource(code: mutant, format: .bare)))
            #expect(!result.passed, "mutant passed: \(mutant)")
        }
    }

    @Test("the differential checker finds clock and active-low reset by name and drives them")
    func portRoles() throws {
        let roles = PortRoles(ports: [
            ModulePort(name: "clk", direction: .input, width: 1),
            ModulePort(name: "aresetn", direction: .input, width: 1),
            ModulePort(name: "d", direction: .input, width: 40),
            ModulePort(name: "q", direction: .output, width: 40),
        ])
        #expect(roles.clock?.name == "clk")
        #expect(roles.reset?.name == "aresetn" && roles.resetActiveLow)
        #expect(roles.data.map(\.name) == ["d"])
        let p = Problem(
            id: "reg40", prompt: "",
            reference: """
                module RefModule(input clk, input aresetn, input [39:0] d, output reg [39:0] q);
                  always @(posedge clk or negedge aresetn) if (!aresetn) q <= 0; else q <= d;
                endmodule
                """, referenceTop: "RefModule")
        let eq = Scorer(toolchain: Fixtures.toolchain, checker: .equivalence)
        let good =
            "module TopModule(input clk, input aresetn, input [39:0] d, output reg [39:0] q);\n always @(posedge clk or negedge aresetn) if (!aresetn) q <= 0; else q <= d;\nendmodule"
        let syncReset = good.replacingOccurrences(of: " or negedge aresetn", with: "")
        let narrow = good.replacingOccurrences(of: "q <= d;", with: "q <= d[31:0];")
        #expect(eq.score(ScoreRequest(problem: p, completion: good)).passed)
        #expect(!eq.score(ScoreRequest(problem: p, completion: syncReset)).passed, "async vs sync reset")
        #expect(!eq.score(ScoreRequest(problem: p, completion: narrow)).passed, "bits above 32 driven")
    }

    @Test("batch scoring keeps input order and caches repeated answers")
    func batchOrderAndCache() throws {
        let p = try Fixtures.exampleProblem("counter4")
        let requests = (0..<12).map { ScoreRequest(problem: p, completion: $0 % 2 == 0 ? counter : downCounter) }
        let scorer = Scorer(toolchain: Fixtures.toolchain)
        let results = scorer.score(requests)
        #expect(results.enumerated().allSatisfy { $0.element.passed == ($0.offset % 2 == 0) })
        #expect(scorer.verdicts.count == 2, "two distinct answers, two simulations")
    }

    @Test("a compile that runs out of time earns no compile credit")
    func compileTimeoutIsNotCompiled() throws {
        let p = try Fixtures.exampleProblem("counter4")
        // A generate loop the compiler unrolls for far longer than the limit.
        let stall =
            "module TopModule(input clk, input reset, output reg [3:0] q);\n genvar i;\n"
            + " generate for (i = 0; i < 100000000; i = i + 1) begin : g wire w; end endgenerate\n"
            + " always @(posedge clk) q <= 0;\nendmodule"
        let limited = Scorer(toolchain: Fixtures.toolchain, limits: SandboxLimits(wallSeconds: 2, cpuSeconds: 2))
        let result = limited.score(ScoreRequest(problem: p, completion: thinkAnswer(stall)))
        #expect(result.verdict.verdictClass == .compileError, "\(result.verdict)")
        #expect(result.verdict.detail == "compiler exceeded its time limit")
        #expect(result.compiles == 0 && result.structuralSimilarity == nil)
        #expect(abs(result.reward - 0.1) < 1e-9, "format only")
    }

    @Test("when the problem's own reference fails its testbench, a failing answer's detail says so")
    func brokenReferenceIsNamed() throws {
        var p = try Fixtures.exampleProblem("counter4")
        let wrong = scorer.score(ScoreRequest(problem: p, completion: thinkAnswer(downCounter)))
        #expect(!wrong.verdict.detail.contains("reference fails"))
        p.reference = "module TopModule(input clk, input reset, output reg [3:0] q);\n  always @(posedge clk) q <= ;\nendmodule"
        let judged = scorer.score(ScoreRequest(problem: p, completion: thinkAnswer(downCounter)))
        #expect(!judged.passed)
        #expect(
            judged.verdict.detail.contains(
                "(note: the problem's own reference fails this testbench too: syntax_error, reference line 2"),
            "\(judged.verdict.detail)")
    }

    @Test("macros are checked after expansion; ones the preprocessor cannot expand are refused")
    func macrosCheckedExpanded() throws {
        let p = try Fixtures.exampleProblem("counter4")
        let width = counter.replacingOccurrences(of: "[3:0]", with: "[`W-1:0]")
        #expect(scorer.score(ScoreRequest(problem: p, completion: thinkAnswer("`define W 4\n" + width))).passed)
        // Ten to the 18th copies: more than the sandbox lets the preprocessor write.
        let bomb =
            "`define A(x) x x x x x x x x x x\n`define B(x) `A(`A(`A(x)))\n`define C(x) `B(`B(`B(x)))\n"
            + counter.replacingOccurrences(of: "endmodule", with: "`C(`C(wire a;))\nendmodule")
        let refused = scorer.score(ScoreRequest(problem: p, completion: thinkAnswer(bomb)))
        #expect(refused.verdict.verdictClass == .forbidden)
        #expect(refused.verdict.detail.contains("could not expand"), "\(refused.verdict.detail)")
        // A preprocessor error (a stray `endif) is the answer's syntax error, and the code never
        // runs: the compile alone would only warn and go on.
        let stray = scorer.score(ScoreRequest(problem: p, completion: thinkAnswer("`define W 4\n" + width + "\n`endif")))
        #expect(stray.verdict.verdictClass == .syntaxError, "\(stray.verdict)")
        #expect(stray.verdict.detail.hasPrefix("preprocessor: answer line 5: `endif without a matching `ifdef"))
    }

    @Test("a cached verdict keeps each answer's own line numbers")
    func cacheKeepsLineNumbers() throws {
        let p = try Fixtures.exampleProblem("counter4")
        let code = "module TopModule(input clk, input reset, output reg [3:0] q);\n  assign q = ;\nendmodule"
        // The same code, once as the whole answer and once with its first line added by the
        // checker (a module header before a v1 body).
        let whole = CandidateSource(code: code, format: .bare)
        let body = CandidateSource(code: code, format: .bare, addedLines: 1)
        let results = scorer.score([ScoreRequest(problem: p, candidate: whole), ScoreRequest(problem: p, candidate: body)])
        #expect(results[0].verdict.detail.contains("answer line 2"), "\(results[0].verdict.detail)")
        #expect(results[1].verdict.detail.contains("answer line 1"), "\(results[1].verdict.detail)")
    }

    @Test("a problem that cannot be judged gives checker_error, not a crash")
    func uncheckable() {
        let p = Problem(id: "no-tb", prompt: "", reference: "module RefModule(inout x); endmodule", referenceTop: "RefModule")
        let eq = Scorer(toolchain: Fixtures.toolchain, checker: .equivalence)
        #expect(
            eq.score(ScoreRequest(problem: p, completion: "module TopModule(inout x); endmodule")).verdict.verdictClass
                == .checkerError)
        let tb = Scorer(toolchain: Fixtures.toolchain, checker: .testbench)
        #expect(
            tb.score(ScoreRequest(problem: p, completion: "module TopModule(inout x); endmodule")).verdict.verdictClass
                == .checkerError)
    }
}
