import Benchmarks
import Foundation
import Rewards

/// One judged sample, as a row of `results.jsonl`.
public struct SampleResult: Sendable, Hashable, Codable {
    public var taskID: String
    public var passed: Bool
    /// Failure class (`pass`, `syntax_error`, `compile_error`, `timeout`, `mismatch`, `forbidden`, ...).
    public var result: String
    public var detail: String
    public var mismatches: Int?
    public var samples: Int?
    public var checker: String
    /// The simulator that judged it (`iverilog` version).
    public var simulator: String?

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id", passed, result, detail, mismatches, samples, checker, simulator
    }
}

/// The summary of an evaluation, as `summary.json`.
public struct EvaluationSummary: Sendable, Codable {
    public var suite: String
    /// Problems that have at least one sample.
    public var problems: Int
    /// Problems in the suite; larger than `problems` when the samples cover a subset.
    public var problemsInSuite: Int
    public var subset: Bool
    public var samples: Int
    /// `pass@k` for every requested k <= the smallest per-problem sample count.
    public var passAtK: [String: Double]
    /// Problems whose reference solution passes on this simulator.
    public var referencePassingProblems: Int?
    /// `pass@k` over those problems only.
    public var passAtKReferencePassing: [String: Double]?
    /// Count of samples per failure class.
    public var results: [String: Int]
    public var checker: String
    public var rule: String
    public var iverilog: String?
    public var dataset: String
    public var samplesFile: String
    public var createdAt: String
    /// Model and sampling settings, when `eval` drew the samples itself.
    public var generation: GenerationSettings?
    /// Self-correction results (`eval --repair R`), separate from `pass@k`.
    public var repair: RepairSummary?

    enum CodingKeys: String, CodingKey {
        case suite, problems, subset, samples, results, checker, rule, iverilog, dataset, generation, repair
        case problemsInSuite = "problems_in_suite"
        case passAtK = "pass@k"
        case referencePassingProblems = "reference_passing_problems"
        case passAtKReferencePassing = "pass@k_reference_passing"
        case samplesFile = "samples_file"
        case createdAt = "created_at"
    }
}

/// Everything an evaluation produced.
public struct EvaluationReport: Sendable {
    public var results: [SampleResult]
    public var summary: EvaluationSummary

    /// A plain-text table for the terminal.
    public var table: String {
        let ks = summary.passAtK.keys.sorted { Int($0.dropFirst(5)) ?? 0 < Int($1.dropFirst(5)) ?? 0 }
        var header = ["suite", "problems", "samples"] + ks
        var row =
            [
                summary.suite, summary.subset ? "\(summary.problems)/\(summary.problemsInSuite)" : "\(summary.problems)",
                "\(summary.samples)",
            ] + ks.map { String(format: "%.4f", summary.passAtK[$0] ?? 0) }
        if let refProblems = summary.referencePassingProblems, let refK = summary.passAtKReferencePassing {
            header += ks.map { "\($0) (ref-passing \(refProblems))" }
            row += ks.map { String(format: "%.4f", refK[$0] ?? 0) }
        }
        let widths = zip(header, row).map { max($0.count, $1.count) }
        func line(_ cells: [String]) -> String {
            "| " + zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ")
                + " |"
        }
        var out = line(header) + "\n" + "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
        out += line(row) + "\n"
        let classes = summary.results.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        out += "results: \(classes)\n"
        if summary.subset {
            out +=
                "note: samples cover \(summary.problems) of the \(summary.problemsInSuite) problems; scores are over those present.\n"
        }
        return out
    }
}
