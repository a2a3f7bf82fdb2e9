import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Datasets

@Suite("Decontamination")
struct DecontaminationTests {
    static func benchmarks() throws -> [(suite: String, problem: Problem)] {
        try VerilogEval.load(.v2SpecToRTL, datasetDir: Fixtures.verilogEval).map { ("v2-spec-to-rtl", $0) }
    }

    @Test("a VerilogEval problem copied with a reworded spec is dropped; a generated FIFO is kept")
    func dropsCopies() throws {
        let bench = try Self.benchmarks()
        let original = try #require(bench.first { $0.problem.id == "Prob035_count1to10" }?.problem)
        let copy = Problem(
            id: "copied", prompt: original.prompt.replacingOccurrences(of: "I would like you to", with: "Please"),
            reference: original.reference, referenceTop: "RefModule")
        let fifo = try DatasetGenerator(families: Family.named(["fifo"]), seed: 2).problem(0)
        let report = Decontaminator(settings: try DecontaminationSettings())
            .run(training: [copy, fifo], benchmarks: bench)
        #expect(report.kept.map(\.id) == [fifo.id])
        let dropped = try #require(report.dropped.first)
        #expect(dropped.id == "copied")
        #expect(dropped.match.benchmarkID == "Prob035_count1to10" && dropped.match.benchmarkSuite == "v2-spec-to-rtl")
        #expect(dropped.match.value > 0.9)
        #expect(report.summary.hasPrefix("kept 1 of 2 training problems; dropped 1"))
        #expect(report.file.dropped_by_ngram_jaccard + report.file.dropped_by_rouge_l == 1)
    }

    @Test("only the chosen fields count, and thresholds are strict")
    func fieldsAndThresholds() throws {
        let bench = try Self.benchmarks()
        let original = try #require(bench.first { $0.problem.id == "Prob035_count1to10" }?.problem)
        let sameCode = Problem(id: "code", prompt: "An unrelated sentence about nothing.", reference: original.reference)
        let promptsOnly = try DecontaminationSettings(fields: [.prompt])
        #expect(Decontaminator(settings: promptsOnly).run(training: [sameCode], benchmarks: bench).dropped.isEmpty)
        let exact = Problem(id: "exact", prompt: original.prompt)
        let atOne = try DecontaminationSettings(jaccard: 1, rougeL: 1)
        #expect(Decontaminator(settings: atOne).run(training: [exact], benchmarks: bench).dropped.isEmpty)
        #expect(throws: DatasetsError.badThreshold(name: "jaccard", value: 1.5)) {
            try DecontaminationSettings(jaccard: 1.5)
        }
    }
}
