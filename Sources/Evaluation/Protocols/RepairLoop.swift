import Benchmarks
import Foundation
import Policy
import Rewards

/// Self-correction: a failing answer goes back to the model with the tools' feedback, up to
/// `rounds` times. Its result is reported as "pass within R repairs", never as pass@1.
///
/// Feedback is what a designer would see without the hidden test: compiler messages numbered by
/// the answer's own lines (`CompilerDiagnostics`) and construct-policy messages; for a design that
/// compiles but fails the benchmark's own testbench, only that it gives wrong outputs (or hangs).
/// When the verdict came from the differential checker, whose stimuli are public, its mismatch
/// summary is included.
public struct RepairLoop: Sendable {
    public var sampling: ModelSampling
    public var scorer: Scorer
    public var rounds: Int

    public init(sampling: ModelSampling, scorer: Scorer, rounds: Int) {
        self.sampling = sampling
        self.scorer = scorer
        self.rounds = rounds
    }

    /// The round (1...rounds) in which the sample passed, or nil.
    public func repair(_ sample: Sample, of problem: Problem, verdict: SampleResult, index: Int) async throws -> Int? {
        var completion = sample.completion
        var verdict = (result: verdict.result, detail: verdict.detail, checker: verdict.checker)
        var prompt = sampling.prompt(for: problem)
        var parameters = sampling.parameters
        for round in 1...max(1, rounds) {
            prompt = prompt.continued(with: [
                ChatMessage(role: .assistant, content: answerText(completion, problem: problem)),
                ChatMessage(
                    role: .user, content: feedback(result: verdict.result, detail: verdict.detail, checker: verdict.checker)),
            ])
            parameters.seed = sampling.parameters.seed &+ UInt64(index) &* 1_000 &+ UInt64(round)
            guard let answer = try await sampling.source.complete(prompt, n: 1, parameters: parameters).first else { return nil }
            completion = AnswerExtraction.completion(
                from: answer.text, problem: problem, suite: sampling.suite, style: sampling.style)
            let breakdown = scorer.score(
                ScoreRequest(
                    problem: problem,
                    candidate: .fromSample(completion, problem: problem, completionIsBody: sampling.suite.completionIsBody)))
            if breakdown.passed { return round }
            verdict = (breakdown.verdict.verdictClass.rawValue, breakdown.verdict.detail, breakdown.verdict.checker)
        }
        return nil
    }

    /// The previous answer as the model would have written it in this suite's format.
    func answerText(_ completion: String, problem: Problem) -> String {
        switch (sampling.style, sampling.suite) {
        case (.verireason, _): return "<answer>\n```verilog\n\(completion)```\n</answer>"
        case (_, .v2SpecToRTL), (_, .jsonl): return "[BEGIN]\n\(completion)[DONE]"
        default: return completion
        }
    }

    func feedback(result: String, detail: String, checker: String) -> String {
        let clipped = detail.count > 1_500 ? String(detail.prefix(1_500)) + " ..." : detail
        let problem: String
        switch VerdictClass(rawValue: result) {
        case .syntaxError, .compileError: problem = "It does not compile. The compiler says:\n\(clipped)"
        case .forbidden: problem = "It uses a construct that is not allowed: \(clipped)"
        case .noCode: problem = "It contains no Verilog module."
        case .timeout: problem = "Its simulation does not finish in time (a combinational loop or a missing clock edge?)."
        case .mismatch where checker == "equivalence":
            problem = "It compiles, but its outputs differ from the specification's: \(clipped)"
        default: problem = "It compiles, but its outputs differ from what the specification requires."
        }
        let format =
            sampling.style == .verireason
            ? "Think about the cause, then give the whole corrected module in <answer> </answer> as a ```verilog block."
            : sampling.suite == .v2SpecToRTL || sampling.suite == .jsonl
                ? "Give the whole corrected module. Enclose your code with [BEGIN] and [DONE]."
                : "Give the corrected code."
        return "The code above is wrong. \(problem)\n\(format)"
    }
}

/// "Pass within R repairs", kept apart from pass@1 in `summary.json`.
public struct RepairSummary: Sendable, Codable, Equatable {
    public var rounds: Int
    /// Failing samples sent back to the model.
    public var attempted: Int
    /// Of those, how many passed, by round.
    public var repairedInRound: [String: Int]
    /// Mean over problems of the share of samples that pass after at most `rounds` repairs.
    public var passWithinRepairs: Double

    public init(rounds: Int, attempted: Int, repairedInRound: [String: Int], passWithinRepairs: Double) {
        self.rounds = rounds
        self.attempted = attempted
        self.repairedInRound = repairedInRound
        self.passWithinRepairs = passWithinRepairs
    }

    enum CodingKeys: String, CodingKey {
        case rounds, attempted
        case repairedInRound = "repaired_in_round"
        case passWithinRepairs = "pass_within_repairs"
    }
}
