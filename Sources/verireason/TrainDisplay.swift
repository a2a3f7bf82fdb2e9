import Evaluation
import Foundation
import Training

/// Progress of `verireason train` on stderr (and with --json, one metrics object per step on
/// stdout): a line per step with the figures that tell whether training works, and a redrawn
/// status line while a step samples and updates.
final class TrainDisplay: @unchecked Sendable {
    let json: Bool
    let steps: Int
    let out: String
    let start = Date()
    private var stepTimes: [Double] = []
    private var sftStart: Date?
    private var sftFirstStep: Int?
    private var firstStep: Int?
    private let interactive = isatty(STDERR_FILENO) != 0
    private var evaluations: [EvaluationRow] = []

    init(json: Bool, steps: Int, out: String) {
        self.json = json
        self.steps = steps
        self.out = out
    }

    private func line(_ text: String) {
        FileHandle.standardError.write(Data(((interactive ? "\r\u{1B}[2K" : "") + text + "\n").utf8))
    }

    private func status(_ text: String) {
        guard interactive else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    func handle(_ event: TrainingRun.Event) {
        switch event {
        case .started(let problems, let evalProblems, let parameters, let resumedAt):
            line(
                "train: \(problems) problems, \(evalProblems) held-out, \(parameters) trainable parameters, \(steps) GRPO steps"
                    + (resumedAt.map { ", resuming after step \($0)" } ?? "") + " -> \(out)")
        case .sftStarted(let steps, let examples, let dropped):
            sftStart = Date()
            sftFirstStep = 0
            line(
                "sft stage: \(steps) updates on \(examples) examples"
                    + (dropped > 0 ? " (\(dropped) rows longer than sft_max_length dropped)" : ""))
        case .sftStep(let row, let total):
            // The ETA counts from the start of the stage in this process.
            if sftStart == nil {
                sftStart = Date()
                sftFirstStep = row.step - 1
            }
            let done = row.step - (sftFirstStep ?? 0)
            let eta = Date().timeIntervalSince(sftStart ?? Date()) / Double(max(1, done)) * Double(total - row.step)
            let text = String(
                format: "sft %d/%d  loss %.4f  tok/s %.0f  ETA %@", row.step, total, row.loss ?? 0, row.tokensPerSecond ?? 0,
                ProgressLine.clock(eta))
            if row.step % 10 == 0 || row.step == total || !interactive { line(text) } else { status(text) }
        case .sftEvaluated(let step, let loss):
            line(String(format: "sft eval after update %d: loss %.4f", step, loss))
        case .sftFinished(let evalLoss, let reused):
            line(
                reused
                    ? "sft stage: reusing the finished stage in \(out)/sft"
                    : "sft stage done" + (evalLoss.map { String(format: ", eval loss %.4f", $0) } ?? ""))
        case .evaluating(let stage, let k, let n):
            status("held-out evaluation (\(Self.label(stage, step: nil))) \(k)/\(n)")
        case .evaluated(let row):
            evaluations.append(row)
            let when = Self.label(row.stage, step: row.step)
            line(
                String(
                    format: "held-out %@: %d/%d pass (%.1f%%), mean reward %.3f  [%.0f s]", when, row.passed, row.problems,
                    100 * row.passRate, row.meanReward, row.seconds))
        case .sampling(let step, let k, let n):
            status("step \(step)/\(steps): sampling problem \(k)/\(n)")
        case .updating(let step, let k, let n):
            status("step \(step)/\(steps): update \(k)/\(n) sequences")
        case .stepFinished(let m):
            if firstStep == nil { firstStep = m.step }
            stepTimes.append(m["step_time"] ?? 0)
            let mean = stepTimes.reduce(0, +) / Double(stepTimes.count)
            let eta = mean * Double(steps - m.step)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                if let data = try? encoder.encode(m) { print(String(decoding: data, as: UTF8.self)) }
            }
            line(
                String(
                    format:
                        "step %d/%d  reward %.3f ± %.3f  pass %.0f%%  zero-std %.0f%%  kl %.4f  loss %.4f  len %.0f  %.0f s  ETA %@",
                    m.step, steps, m["reward"] ?? 0, m["reward_std"] ?? 0, 100 * (m["pass_rate"] ?? 0),
                    100 * (m["frac_reward_zero_std"] ?? 0), m["kl"] ?? 0, m["loss"] ?? 0, m["completions/mean_length"] ?? 0,
                    m["step_time"] ?? 0, ProgressLine.clock(eta)))
        case .checkpointWritten(let step, let path):
            line("checkpoint after step \(step): \(path)")
        case .gateChecking(let k, let n):
            status("GRPO gate: answering training problem \(k)/\(n)")
        case .gate(let gate):
            line(
                gate.open
                    ? "GRPO gate: the model after SFT solves \(gate.passed) of \(gate.problems) sampled training problems; GRPO starts"
                    : "GRPO gate: the model after SFT solves none of \(gate.problems) sampled training problems, so GRPO would have nothing to learn from; skipping it (train longer on SFT data, or give easier --problems)"
            )
        case .exported(let path):
            line("final model: \(path)")
        case .finished(let summary):
            self.summary = summary
        }
    }

    private var summary: TrainingSummary?

    /// How a held-out row is named in the progress lines.
    static func label(_ stage: EvaluationRow.Stage?, step: Int?) -> String {
        switch stage {
        case .base: "base model"
        case .sft: "after SFT"
        case .grpo: step.map { "after GRPO step \($0)" } ?? "GRPO"
        case nil: step == 0 ? "before GRPO" : "after step \(step ?? 0)"
        }
    }

    func finish() {
        let rows = [summary?.base, summary?.afterSFT, summary?.afterGRPO].compactMap { $0 }
        if !rows.isEmpty {
            let parts = rows.map { row in
                String(
                    format: "%@ %d/%d (%.1f%%)", Self.label(row.stage, step: row.step), row.passed, row.problems,
                    100 * row.passRate)
            }
            line("held-out greedy pass@1: " + parts.joined(separator: ", "))
        }
        line(
            "done in \(ProgressLine.clock(summary?.seconds ?? Date().timeIntervalSince(start))); metrics in \(out)/metrics.jsonl, curves in \(out)/curves.svg, model in \(out)/model.gguf"
        )
    }
}
