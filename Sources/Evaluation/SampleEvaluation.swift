import Benchmarks
import Foundation
import Rewards
import Verilog

/// Samples of one suite to evaluate.
public struct EvaluationGroup: Sendable {
    public var suite: String
    public var problems: [Problem]
    public var samples: [Sample]
    /// Whether a completion is the module body after the header (v1) or a whole module.
    public var completionIsBody: Bool
    public var dataset: String
    public var samplesFile: String

    public init(
        suite: String, problems: [Problem], samples: [Sample], completionIsBody: Bool, dataset: String,
        samplesFile: String
    ) {
        self.suite = suite
        self.problems = problems
        self.samples = samples
        self.completionIsBody = completionIsBody
        self.dataset = dataset
        self.samplesFile = samplesFile
    }
}

/// Scores VerilogEval-format samples against suites and computes pass@k.
public struct SampleEvaluation: Sendable {
    public var scorer: Scorer
    public var ks: [Int]

    public init(scorer: Scorer, ks: [Int] = [1, 5, 10]) {
        self.scorer = scorer
        self.ks = ks
    }

    /// Judges one suite's `samples` (in order) on `problems`.
    public func run(
        suite: String, problems: [Problem], samples: [Sample], completionIsBody: Bool,
        dataset: String, samplesFile: String,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> EvaluationReport {
        run(
            [
                EvaluationGroup(
                    suite: suite, problems: problems, samples: samples, completionIsBody: completionIsBody,
                    dataset: dataset, samplesFile: samplesFile)
            ], progress: progress)[0]
    }

    /// Judges several suites in one parallel batch (so one suite's slow simulations overlap with
    /// another's), with one report per group. Each problem's reference is judged too, for the
    /// score over reference-passing problems.
    public func run(_ groups: [EvaluationGroup], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [EvaluationReport] {
        var requests: [ScoreRequest] = []
        var sampleRanges: [Range<Int>] = []
        var referenceSlots: [[String: Int]] = []
        for group in groups {
            let byID = Dictionary(group.problems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let start = requests.count
            for sample in group.samples {
                let problem = byID[sample.taskID]!
                requests.append(
                    ScoreRequest(
                        problem: problem,
                        candidate: .fromSample(
                            sample.completion, problem: problem,
                            completionIsBody: group.completionIsBody)))
            }
            sampleRanges.append(start..<requests.count)
            var slots: [String: Int] = [:]
            let present = Set(group.samples.map(\.taskID))
            for problem in group.problems where present.contains(problem.id) {
                guard let code = problem.referenceAsCandidate else { continue }
                slots[problem.id] = requests.count
                requests.append(ScoreRequest(problem: problem, candidate: CandidateSource(code: code, format: .bare)))
            }
            referenceSlots.append(slots)
        }
        let breakdowns = scorer.score(requests, progress: progress)
        return groups.indices.map { g in
            report(
                groups[g], breakdowns: Array(breakdowns[sampleRanges[g]]),
                referencePassed: referenceSlots[g].mapValues { breakdowns[$0].passed })
        }
    }

    private func report(_ group: EvaluationGroup, breakdowns: [RewardBreakdown], referencePassed: [String: Bool])
        -> EvaluationReport
    {
        let results = zip(group.samples, breakdowns).map { sample, b in
            SampleResult(
                taskID: sample.taskID, passed: b.passed, result: b.verdict.verdictClass.rawValue,
                detail: b.verdict.detail, mismatches: b.verdict.mismatches, samples: b.verdict.samples,
                checker: b.verdict.checker, simulator: b.verdict.simulator)
        }
        // Per-problem counts, in suite order, over the problems that have samples.
        var counts: [String: (samples: Int, correct: Int)] = [:]
        for r in results {
            counts[r.taskID, default: (0, 0)].samples += 1
            if r.passed { counts[r.taskID]!.correct += 1 }
        }
        let present = group.problems.filter { counts[$0.id] != nil }
        func passAtK(_ subset: [Problem]) -> [String: Double] {
            var table: [String: Double] = [:]
            for k in ks { if let v = PassAtK.mean(subset.map { counts[$0.id]! }, k: k) { table["pass@\(k)"] = v } }
            return table
        }
        // The reference-passing score: only problems whose golden design passes on this simulator.
        let referencePassing = present.filter { referencePassed[$0.id] == true }
        var classes: [String: Int] = [:]
        for r in results { classes[r.result, default: 0] += 1 }
        let summary = EvaluationSummary(
            suite: group.suite, problems: present.count, problemsInSuite: group.problems.count,
            subset: present.count < group.problems.count, samples: group.samples.count, passAtK: passAtK(present),
            referencePassingProblems: referencePassing.count, passAtKReferencePassing: passAtK(referencePassing),
            results: classes, checker: Set(results.map(\.checker)).sorted().joined(separator: "+"),
            rule: Set(present.map(\.rule.rawValue)).sorted().joined(separator: "+"),
            iverilog: scorer.testbench.toolchain.versions.iverilog, dataset: group.dataset, samplesFile: group.samplesFile,
            createdAt: ISO8601DateFormatter().string(from: Date()))
        return EvaluationReport(results: results, summary: summary)
    }
}
