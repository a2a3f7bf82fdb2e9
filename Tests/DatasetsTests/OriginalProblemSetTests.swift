import Benchmarks
import Foundation
import Rewards
import TestSupport
import Testing

/// The project's own problem set (testbenches/problems, built into datasets/problems-*.jsonl).
@Suite("Original problem set")
struct OriginalProblemSetTests {
    static func load(_ split: String) throws -> [Problem] {
        try ProblemFile.load(Fixtures.repoRoot.appendingPathComponent("datasets/problems-\(split).jsonl"))
    }

    @Test("at least 150 problems over five categories, a disjoint test split, every one with a testbench")
    func shape() throws {
        let (train, test) = (try Self.load("train"), try Self.load("test"))
        #expect(train.count + test.count >= 150)
        #expect(Set(train.map(\.id)).isDisjoint(with: test.map(\.id)))
        let categories = Set((train + test).compactMap(\.family))
        #expect(categories == ["combinational", "sequential", "fsm", "arithmetic", "memory"])
        for category in categories { #expect(test.contains { $0.family == category }, "\(category) in test") }
        #expect((train + test).allSatisfy { $0.testbench != nil && $0.reference != nil && $0.moduleHeader != nil })
    }

    @Test("every reference passes its own testbench")
    func referencesPass() throws {
        let problems = try Self.load("train") + Self.load("test")
        let scorer = Scorer(toolchain: Fixtures.toolchain, checker: .testbench)
        let requests = problems.map {
            ScoreRequest(problem: $0, candidate: CandidateSource(code: $0.referenceAsCandidate!, format: .bare))
        }
        let failing = zip(problems, scorer.score(requests)).filter { !$0.1.passed }
        #expect(failing.isEmpty, "\(failing.map { "\($0.0.id): \($0.1.verdict.verdictClass) \($0.1.verdict.detail)" })")
    }
}
