import Foundation
import TestSupport
import Testing

@testable import Benchmarks

@Suite("VerilogEval in the upstream layout")
struct VerilogEvalTests {
    @Test(
        "reads every suite with its problem count",
        arguments: [
            (SuiteName.v1Human, 156), (.v1Machine, 143), (.v2SpecToRTL, 156), (.v2CodeComplete, 156),
        ])
    func counts(suite: SuiteName, expected: Int) throws {
        let problems = try VerilogEval.load(suite, datasetDir: Fixtures.verilogEval)
        #expect(problems.count == expected)
        #expect(Set(problems.map(\.id)).count == expected)
        #expect(problems.allSatisfy { $0.testbench?.contains("Mismatches: ") == true && $0.reference != nil })
    }

    @Test("v1 problems use top_module, the spec from descriptions/ and the v1 rule")
    func v1Fields() throws {
        let p = try #require(
            try VerilogEval.load(.v1Human, datasetDir: Fixtures.verilogEvalLayout).first { $0.id == "fixture_and" })
        #expect(p.top == "top_module")
        #expect(p.rule == .v1)
        #expect(p.moduleHeader?.hasPrefix("module top_module") == true)
        #expect(p.prompt == "Drive out with the AND of a and b.", "spec comes from descriptions/")
        #expect(p.reference == p.moduleHeader.map { $0 + "\n\tassign out = a & b;\nendmodule\n" })
        #expect(try VerilogEval.load(.v1Machine, datasetDir: Fixtures.verilogEvalLayout).map(\.id) == ["fixture_and"])
    }

    @Test("v2 code-complete problems carry the interface; references are RefModule")
    func v2Fields() throws {
        let p = try VerilogEval.load(.v2CodeComplete, datasetDir: Fixtures.verilogEvalLayout)[0]
        #expect(p.id == "Prob001_fixture_xor")
        #expect(p.moduleHeader?.contains("module TopModule") == true)
        #expect(p.referenceTop == "RefModule")
        #expect(p.rule == .v2)
    }

    @Test("an upstream clone of one release is read directly")
    func upstreamCloneRoot() throws {
        let v2 = Fixtures.verilogEvalLayout.appendingPathComponent("v2")
        #expect(
            try VerilogEval.load(.v2SpecToRTL, datasetDir: v2).map(\.id) == ["Prob001_fixture_xor", "Prob002_fixture_toggle"])
        let v1 = Fixtures.verilogEvalLayout.appendingPathComponent("v1")
        #expect(try VerilogEval.load(.v1Human, datasetDir: v1).map(\.id) == ["fixture_and", "fixture_invert"])
        #expect(
            try VerilogEval.promptExamples(.v2SpecToRTL, datasetDir: Fixtures.verilogEvalLayout, shots: 1).contains("[BEGIN]"))
    }

    @Test("a missing dataset names the path it looked for")
    func missingDataset() {
        #expect(throws: BenchmarksError.missingFile(path: "/nonexistent/v1/data/VerilogEval_Human.jsonl")) {
            try VerilogEval.load(.v1Human, datasetDir: URL(fileURLWithPath: "/nonexistent"))
        }
    }
}
