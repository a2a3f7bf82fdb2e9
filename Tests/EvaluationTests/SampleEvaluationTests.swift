import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Evaluation
@testable import Rewards

@Suite("Sample evaluation")
struct SampleEvaluationTests {
    @Test("a subset of a suite is scored over the problems present, and says so")
    func subset() throws {
        let problems = try VerilogEval.load(.v1Machine, datasetDir: Fixtures.verilogEval)
        let dataset = try JSONLines.objects(at: Fixtures.verilogEval.appendingPathComponent("v1/data/VerilogEval_Machine.jsonl"))
        // Three problems, two samples each: the canonical body, and a body that drives nothing useful.
        var samples: [Sample] = []
        for (line, object) in dataset.prefix(3) {
            let id = object["task_id"] as! String
            samples.append(Sample(taskID: id, completion: object["canonical_solution"] as! String, line: line))
            samples.append(Sample(taskID: id, completion: "endmodule\n", line: line))
        }
        let evaluation = SampleEvaluation(scorer: Scorer(toolchain: Fixtures.toolchain), ks: [1, 2, 5])
        let report = evaluation.run(
            suite: "v1-machine", problems: problems, samples: samples, completionIsBody: true,
            dataset: "test", samplesFile: "test")
        #expect(report.results.map(\.taskID) == samples.map(\.taskID), "input order")
        #expect(report.results.map(\.passed) == [true, false, true, false, true, false])
        #expect(report.summary.problems == 3 && report.summary.problemsInSuite == 143 && report.summary.subset)
        #expect(report.summary.samples == 6)
        #expect(report.summary.passAtK["pass@1"] == 0.5)
        #expect(report.summary.passAtK["pass@2"] == 1)
        #expect(report.summary.passAtK["pass@5"] == nil)
        #expect(report.summary.referencePassingProblems == 3)
        #expect(report.summary.iverilog == Fixtures.toolchain.versions.iverilog)
        #expect(report.table.contains("3/143"))
        #expect(report.table.contains("scores are over those present"))
    }

    @Test("summary.json uses the documented field names")
    func summaryFields() throws {
        let summary = EvaluationSummary(
            suite: "s", problems: 1, problemsInSuite: 2, subset: true, samples: 1,
            passAtK: ["pass@1": 1], referencePassingProblems: 1, passAtKReferencePassing: ["pass@1": 1],
            results: ["pass": 1], checker: "testbench", rule: "v2", iverilog: "11.0", dataset: "d",
            samplesFile: "f", createdAt: "t")
        let object = try JSONSerialization.jsonObject(with: try AtomicWrite.json(summary)) as! [String: Any]
        for key in [
            "suite", "problems", "samples", "pass@k", "iverilog", "problems_in_suite", "reference_passing_problems",
            "pass@k_reference_passing", "results",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
    }
}
