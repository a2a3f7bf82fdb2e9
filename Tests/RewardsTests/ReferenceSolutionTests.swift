import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Rewards
@testable import Verilog

/// Every VerilogEval reference, given as a sample, must pass under its suite's rule, except the
/// few that fail on iverilog 11 for upstream reasons (see the dataset README); and the same
/// references must pass the differential check against themselves.
@Suite("VerilogEval references through the verifier")
struct ReferenceSolutionTests {
    static let expectations: [(SuiteName, Int, Set<String>)] = [
        (.v1Human, 154, ["review2015_fsm", "review2015_fancytimer"]),
        (.v1Machine, 143, []),
        (
            .v2SpecToRTL, 151,
            [
                "Prob082_lfsr32", "Prob099_m2014_q6c", "Prob141_count_clock", "Prob151_review2015_fsm",
                "Prob156_review2015_fancytimer",
            ]
        ),
        (
            .v2CodeComplete, 152,
            [
                "Prob082_lfsr32", "Prob141_count_clock", "Prob151_review2015_fsm",
                "Prob156_review2015_fancytimer",
            ]
        ),
    ]

    static func referenceRequests(_ problems: [Problem]) -> [ScoreRequest] {
        problems.map { p in
            ScoreRequest(
                problem: p,
                candidate: CandidateSource(
                    code: p.referenceAsCandidate!,
                    format: .bare))
        }
    }

    @Test("references pass their own testbench, except the known upstream failures", arguments: expectations)
    func testbenchRule(suite: SuiteName, passing: Int, knownFailures: Set<String>) throws {
        let problems = try VerilogEval.load(suite, datasetDir: Fixtures.verilogEval)
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: .testbench)
        let results = scorer.score(Self.referenceRequests(problems))
        let failed = Set(zip(problems, results).filter { !$0.1.passed }.map(\.0.id))
        #expect(results.filter(\.passed).count == passing)
        #expect(failed == knownFailures)
    }

    @Test("references pass the differential check against themselves", arguments: expectations)
    func differentialSelfCheck(suite: SuiteName, passing: Int, knownFailures: Set<String>) throws {
        let problems = try VerilogEval.load(suite, datasetDir: Fixtures.verilogEval)
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: .equivalence)
        let results = scorer.score(Self.referenceRequests(problems))
        // Judge the false-fail rate over references that work on this simulator.
        let usable = zip(problems, results).filter { !knownFailures.contains($0.0.id) }
        let falseFails = usable.filter { !$0.1.passed }
        #expect(
            Double(falseFails.count) <= 0.003 * Double(usable.count),
            "false fails: \(falseFails.map { "\($0.0.id): \($0.1.verdict.detail)" })")
        #expect(results.allSatisfy { $0.verdict.checker == "equivalence" })
    }
}
