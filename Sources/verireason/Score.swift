import ArgumentParser
import Benchmarks
import Evaluation
import Foundation
import Rewards
import Verilog

extension VeriReason {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score model completions against problems: one reward breakdown per completion.")

        @Option(help: "Problems in the project's JSONL format (see README).")
        var problems: String

        @Option(help: "Completions, one {\"id\", \"completion\"} object per line; id names a problem.")
        var completions: String

        @Flag(help: "Print one JSON object per line instead of text.")
        var json = false

        @OptionGroup var rewards: RewardOptions
        @OptionGroup var sandbox: SandboxOptions

        func run() throws {
            let weights = try rewards.weights()
            let problemList = try ProblemFile.load(URL(fileURLWithPath: problems))
            let byID = Dictionary(problemList.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let rows = try Completion.load(URL(fileURLWithPath: completions), knownIDs: Set(byID.keys))
            let toolchain = Toolchain()
            _ = try toolchain.path(.iverilog)
            let scorer = Scorer(
                toolchain: toolchain, weights: weights, checker: rewards.checker,
                limits: sandbox.limits, workers: sandbox.workers)
            let progress = ProgressLine(label: "scoring", enabled: rows.count > 1)
            let breakdowns = scorer.score(
                rows.map { ScoreRequest(problem: byID[$0.id]!, completion: $0.completion) },
                progress: progress.update)
            let records = zip(rows, breakdowns).map { ScoreRecord(id: $0.id, breakdown: $1) }
            if json {
                FileHandle.standardOutput.write(try AtomicWrite.jsonLines(records))
            } else {
                records.forEach { print($0.line) }
                let passed = records.filter(\.passed).count
                let mean = records.map(\.reward).reduce(0, +) / Double(records.count)
                print(
                    String(
                        format: "%d completions, %d passed, mean reward %.3f (simulator: iverilog %@)",
                        records.count, passed, mean, toolchain.versions.iverilog ?? "?"))
            }
        }
    }
}
