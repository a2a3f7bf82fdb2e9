import Benchmarks
import Foundation
import Rewards
import Verilog

/// Scores VerilogEval-format samples against a suite and computes pass@k.
public struct SampleEvaluation: Sendable {
    public var scorer: Scorer
    public var ks: [Int]

    public init(scorer: Scorer, ks: [Int] = [1, 5, 10]) {
        self.scorer = scorer
        self.ks = ks
    }

    /// Judges `samples` (in order) on `problems`. `completionIsBody` says whether a completion is
    /// the module body after the header (v1) or a whole module.
    public func run(suite: String, problems: [Problem], samples: [Sample], completionIsBody: Bool,
                    dataset: String, samplesFile: String,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) -> EvaluationReport {
        let byID = Dictionary(problems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let requests = samples.map { sample -> ScoreRequest in
            let problem = byID[sample.taskID]!
            return ScoreRequest(problem: problem,
                                candidate: .fromSample(sample.completion, problem: problem, completionIsBody: completionIsBody))
        }
        let breakdowns = scorer.score(requests, progress: progress)
        let results = zip(samples, breakdowns).map { sample, b in
            SampleResult(taskID: sample.taskID, passed: b.passed, result: b.verdict.verdictClass.rawValue,
                         detail: b.verdict.detail, mismatches: b.verdict.mismatches, samples: b.verdict.samples,
                         checker: b.verdict.checker)
        }

        // Per-problem counts, in suite order, over the problems that have samples.
        var counts: [String: (samples: Int, correct: Int)] = [:]
        for r in results { counts[r.taskID, default: (0, 0)].samples += 1; if r.passed { counts[r.taskID]!.correct += 1 } }
        let present = problems.filter { counts[$0.id] != nil }
        func passAtK(_ subset: [Problem]) -> [String: Double] {
            var table: [String: Double] = [:]
            for k in ks { if let v = PassAtK.mean(subset.map { counts[$0.id]! }, k: k) { table["pass@\(k)"] = v } }
            return table
        }

        // The reference-passing score: only problems whose golden design passes this simulator.
        var referencePassing: [Problem]?
        if present.allSatisfy({ scorer.checkerKind(for: $0) == .testbench }) {
            referencePassing = present.filter { p in
                (try? scorer.testbench.referenceRun(p))??.verdict.passed ?? false
            }
        } else {
            referencePassing = present.filter { p in
                guard let reference = p.reference else { return false }
                let candidate = CandidateSource(code: ModuleNames.renaming(reference, [p.referenceTop: p.top]), format: .bare)
                return (try? scorer.equivalence.check(candidate, problem: p))?.passed ?? false
            }
        }
        var classes: [String: Int] = [:]
        for r in results { classes[r.result, default: 0] += 1 }
        let checkerName = Set(results.map(\.checker)).sorted().joined(separator: "+")
        let formatter = ISO8601DateFormatter()
        let summary = EvaluationSummary(
            suite: suite, problems: present.count, problemsInSuite: problems.count, subset: present.count < problems.count,
            samples: samples.count, passAtK: passAtK(present),
            referencePassingProblems: referencePassing?.count, passAtKReferencePassing: referencePassing.map(passAtK),
            results: classes, checker: checkerName, rule: Set(present.map(\.rule.rawValue)).sorted().joined(separator: "+"),
            iverilog: scorer.testbench.toolchain.versions.iverilog, dataset: dataset, samplesFile: samplesFile,
            createdAt: formatter.string(from: Date()))
        return EvaluationReport(results: results, summary: summary)
    }
}
