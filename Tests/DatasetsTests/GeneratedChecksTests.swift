import Benchmarks
import Foundation
import Rewards
import TestSupport
import Testing
import Verilog

@testable import Datasets

/// The proof of "correct by construction": generated references pass the project's real
/// checkers, and a reference with one output bit inverted fails them.
@Suite("Generated problems pass their checks")
struct GeneratedChecksTests {
    /// 20 problems per family (360 in all), half with a written testbench.
    static let problems: [Problem] = {
        (try? DatasetGenerator(seed: 2026, testbenchShare: 0.5).generate(count: 20 * Family.all.count)) ?? []
    }()

    func candidate(_ code: String) -> CandidateSource { CandidateSource(code: code, format: .bare) }

    @Test("every reference passes the differential checker and its written testbench")
    func referencesPass() throws {
        let problems = Self.problems
        #expect(problems.count >= 200)
        #expect(Set(problems.compactMap(\.family)) == Set(Family.all.map(\.name)))
        let withTestbench = problems.filter { $0.testbench != nil }
        #expect(withTestbench.count >= 100)
        let equivalence = Scorer(toolchain: Fixtures.toolchain, checker: .equivalence)
        let testbench = Scorer(toolchain: Fixtures.toolchain, checker: .testbench)
        let eq = equivalence.score(problems.map { ScoreRequest(problem: $0, candidate: candidate($0.referenceAsCandidate!)) })
        let tb = testbench.score(withTestbench.map { ScoreRequest(problem: $0, candidate: candidate($0.referenceAsCandidate!)) })
        for (problem, result) in zip(problems, eq) {
            #expect(result.passed, "\(problem.id) equivalence: \(result.verdict.detail)")
        }
        for (problem, result) in zip(withTestbench, tb) {
            #expect(result.passed, "\(problem.id) testbench: \(result.verdict.detail)")
            // Exhaustive for small input spaces: a wire has two vectors and a constant one.
            #expect((result.verdict.samples ?? 0) >= (problem.family == "gates" ? 1 : 4))
        }
    }

    @Test("a reference with one output bit inverted fails both checkers")
    func mutantsFail() throws {
        // Every other problem, so each family contributes mutants under both checkers.
        let sample = Self.problems.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let mutants = try sample.enumerated().map { index, problem in try Self.invertingOneOutput(problem, choice: index) }
        let equivalence = Scorer(toolchain: Fixtures.toolchain, checker: .equivalence)
        let testbench = Scorer(toolchain: Fixtures.toolchain, checker: .testbench)
        let eq = equivalence.score(zip(sample, mutants).map { ScoreRequest(problem: $0, candidate: candidate($1)) })
        for (problem, result) in zip(sample, eq) {
            #expect(result.verdict.verdictClass == .mismatch, "\(problem.id) equivalence: \(result.verdict.detail)")
        }
        let withTestbench = zip(sample, mutants).filter { $0.0.testbench != nil }
        #expect(withTestbench.count >= 50)
        let tb = testbench.score(withTestbench.map { ScoreRequest(problem: $0, candidate: candidate($1)) })
        for ((problem, _), result) in zip(withTestbench, tb) {
            #expect(result.verdict.verdictClass == .mismatch, "\(problem.id) testbench: \(result.verdict.detail)")
        }
    }

    /// The reference wrapped in a `TopModule` that passes every output through except bit 0 of
    /// one, which it inverts.
    static func invertingOneOutput(_ problem: Problem, choice: Int) throws -> String {
        let reference = try #require(problem.reference)
        // The ports as the reference declares them, in any of the generator's header layouts.
        let facts = DesignFacts(source: reference, top: "RefModule")
        let ports: [(direction: String, range: String, name: String)] =
            facts.inputs.map { ("input", $0.range ?? "", $0.name) } + facts.outputs.map { ("output", $0.range ?? "", $0.name) }
        let outputs = ports.filter { $0.direction == "output" }
        let flipped = outputs[choice % outputs.count].name
        var lines = ["module TopModule ("]
        lines.append(ports.map { "    \($0.direction) \($0.range) \($0.name)" }.joined(separator: ",\n"))
        lines.append(");")
        for p in outputs { lines.append("  wire \(p.range) inner_\(p.name);") }
        let connections = ports.map { ".\($0.name)(\($0.direction == "output" ? "inner_" : "")\($0.name))" }
        lines.append("  Inner inner (\(connections.joined(separator: ", ")));")
        for p in outputs {
            lines.append("  assign \(p.name) = inner_\(p.name)\(p.name == flipped ? " ^ 1'b1" : "");")
        }
        lines.append("endmodule")
        return ModuleNames.renaming(reference, ["RefModule": "Inner"]) + "\n" + lines.joined(separator: "\n") + "\n"
    }
}
