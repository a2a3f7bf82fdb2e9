import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Rewards
@testable import Verilog

/// The forging corpus in testbenches/forging: wrong designs that try to make the verifier say
/// "pass". None may pass, leave a process behind, or run past the time limit.
@Suite("Forging corpus")
struct ForgingTests {
    static let corpusFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.forgingDir.path)) ?? []
        return names.filter { $0.hasSuffix(".v") }.sorted()
    }()

    /// The corpus plus the two generated at test time: a 5 MB completion and binary garbage.
    static func corpus() throws -> [(String, String)] {
        var items = try corpusFiles.map {
            ($0, try String(contentsOf: Fixtures.forgingDir.appendingPathComponent($0), encoding: .utf8))
        }
        let huge =
            "module TopModule (input clk, input reset, output reg [3:0] q);\n"
            + String(repeating: "  always @(posedge clk) q <= q + 4'd1; // padding padding padding padding\n", count: 70_000)
            + "endmodule\n"
        items.append(("huge.v (\(huge.utf8.count / 1_000_000) MB)", huge))
        var generator = SystemRandomNumberGenerator()
        let garbage = String(decoding: (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }, as: UTF8.self)
        items.append(("garbage.bin", garbage))
        return items
    }

    @Test("the corpus is all there")
    func corpusPresent() throws {
        #expect(Self.corpusFiles.count >= 19)
        #expect(try Self.corpus().contains { $0.0.hasPrefix("huge.v") && $0.1.utf8.count >= 5_000_000 })
    }

    func check(_ checker: CheckerKind, policy: ConstructPolicy, problem: Problem, forgeries: [(String, String)])
        throws -> [(String, RewardBreakdown, Double)]
    {
        let root = try Fixtures.temporaryDirectory()
        let toolchain = Toolchain(sandbox: Sandbox(scratchRoot: root))
        let limits = SandboxLimits(wallSeconds: 5, cpuSeconds: 5)
        let scorer = Scorer(toolchain: toolchain, checker: checker, policy: policy, limits: limits)
        var results: [(String, RewardBreakdown, Double)] = []
        for (name, text) in forgeries {
            let start = Date()
            let breakdown = scorer.score(ScoreRequest(problem: problem, completion: "```verilog\n\(text)\n```"))
            results.append((name, breakdown, Date().timeIntervalSince(start)))
        }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(Fixtures.processes(workingUnder: root).isEmpty, "processes left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "run directories left behind")
        return results
    }

    @Test("no forgery passes the testbench or the differential checker", arguments: [CheckerKind.testbench, .equivalence])
    func noForgeryPasses(checker: CheckerKind) throws {
        let problem = try Fixtures.exampleProblem("counter4")
        for (name, breakdown, seconds) in try check(
            checker, policy: ConstructPolicy(), problem: problem, forgeries: Self.corpus())
        {
            #expect(!breakdown.passed, "\(name) passed")
            #expect(breakdown.reward < 2, "\(name) earned \(breakdown.reward)")
            // Two sandboxed steps of at most 5 s each, plus the reference run.
            #expect(seconds < 16, "\(name) took \(seconds) s")
        }
    }

    @Test("without the construct policy, the nonce and sample count still catch forged verdicts")
    func harnessAloneCatchesForgedVerdicts() throws {
        let problem = try Fixtures.exampleProblem("counter4")
        let permissive = ConstructPolicy(
            allowedSystemNames: ConstructPolicy.defaultSystemNames.union(["$finish", "$stop", "$fatal"]))
        let names = [
            "print_pass_line.v", "early_finish.v", "early_stop.v", "early_fatal.v", "redefine_testbench.v", "flood_stdout.v",
        ]
        let forgeries = try Self.corpus().filter { names.contains($0.0) }
        #expect(forgeries.count == names.count)
        for (name, breakdown, _) in try check(.testbench, policy: permissive, problem: problem, forgeries: forgeries) {
            #expect(!breakdown.passed, "\(name) passed")
            #expect(breakdown.verdict.verdictClass != .forbidden, "\(name) should have run")
        }
    }

    @Test("under the v1 rule, a macro switched on by the testbench's own macros is checked as compiled")
    func verilogEvalV1SharedFile() throws {
        // v1 compiles the answer after the testbench in one file, so `ifdef OK (a testbench
        // macro) is true there though false for the answer alone.
        let problem = try #require(try VerilogEval.load(.v1Human, datasetDir: Fixtures.verilogEval).first { $0.id == "zero" })
        let body =
            "  assign zero = 1'b1;\n`define H tb\n`ifdef OK\n  always @(zero) `H.stats1.errors = 0;\n`endif\nendmodule\n"
        let root = try Fixtures.temporaryDirectory()
        let scorer = Scorer(toolchain: Toolchain(sandbox: Sandbox(scratchRoot: root)), checker: .testbench)
        let candidate = CandidateSource.fromSample(body, problem: problem, completionIsBody: true)
        let result = scorer.score(ScoreRequest(problem: problem, candidate: candidate))
        #expect(result.verdict.verdictClass == .forbidden, "\(result.verdict)")
        #expect(result.verdict.detail.contains("tb.stats1"))
    }

    @Test("the same attacks fail against a VerilogEval v2 testbench")
    func verilogEvalV2() throws {
        let problem = try #require(
            try VerilogEval.load(.v2SpecToRTL, datasetDir: Fixtures.verilogEval).first { $0.id == "Prob001_zero" })
        let wrong = "module TopModule(output zero); assign zero = 1'b1;\n"
        let forgeries = [
            ("print", wrong + "initial #100 $display(\"Mismatches: 0 in 20 samples\");\nendmodule"),
            ("stats", wrong + "always @(zero) tb.stats1.errors = 0;\nendmodule"),
            ("macro", "`define H tb\n" + wrong + "initial force `H.tb_match = 1'b1;\nendmodule"),
            ("upward", wrong + "initial forever #1 stim1.wavedrom_enable = 0;\nendmodule"),
            ("finish", wrong + "initial #3 $finish;\nendmodule"),
            ("timeout", wrong + "initial #2 $display(\"TIMEOUT\");\nendmodule"),
        ]
        for (name, breakdown, _) in try check(.testbench, policy: ConstructPolicy(), problem: problem, forgeries: forgeries) {
            #expect(!breakdown.passed, "\(name) passed")
        }
    }
}
