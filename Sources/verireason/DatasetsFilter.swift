import ArgumentParser
import Benchmarks
import Evaluation
import Foundation
import Policy
import Rewards
import Training
import Verilog

extension VeriReason.DatasetsCommand {
    struct Filter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep the problems whose sampled rewards under the policy show they can be learned from.",
            discussion: """
                Samples --n completions of every problem with the policy (local GGUF or --endpoint), \
                scores them with the verifier, and keeps a problem when its mean reward lies in \
                [--min-mean, --max-mean] and its reward standard deviation is above --min-std \
                (VeriReason: [0.3, 1.8], 0.1), and, unless --keep-uniform, when its completions are \
                neither all correct nor all wrong (DAPO). Writes the kept problems and a JSON report \
                with every problem's rewards and a per-family summary (printed as a table).
                """)

        @Option(help: "Problems in the project's JSONL format.")
        var problems: String

        @Option(help: "Kept problems (JSONL), written atomically.")
        var out: String

        @Option(help: "Report (JSON): settings, per-problem rewards and decisions, per-family summary.")
        var report: String?

        @Option(help: "Log of every sampled completion with its score (JSONL).")
        var samples: String?

        @Option(help: "A GGUF file, or 'default' for the default policy model.")
        var model: String = "default"

        @OptionGroup var remote: RemoteOptions

        @Option(help: "Completions sampled per problem.")
        var n: Int = 8

        @Option(help: "Keep problems whose mean reward is at least this.")
        var minMean: Double = 0.3

        @Option(help: "Keep problems whose mean reward is at most this.")
        var maxMean: Double = 1.8

        @Option(help: "Keep problems whose reward standard deviation is above this.")
        var minStd: Double = 0.1

        @Flag(help: "Also keep problems whose completions all pass or all fail.")
        var keepUniform = false

        @Option(help: "Only the first N problems.")
        var limit: Int?

        @Option(help: "Sampling temperature.")
        var temperature: Float = 0.5

        @Option(help: "Nucleus sampling threshold.")
        var topP: Float = 1

        @Option(help: "Keep only the K most likely tokens (0 keeps all).")
        var topK: Int = 50

        @Option(help: "Penalty on tokens already present (VeriReason: 1.3).")
        var repetitionPenalty: Float = 1.3

        @Option(help: "Largest number of new tokens per completion.")
        var maxTokens: Int = 512

        @Option(help: "Seed; problem i samples with seed + i.")
        var seed: UInt64 = 0

        @Option(help: "The answer format each problem asks for: code or think-answer.")
        var promptFormat: PromptFormat = .code

        @Option(help: "System message (default: the --prompt-format's).")
        var system: String?

        @OptionGroup var rewards: RewardOptions
        @OptionGroup var sandbox: SandboxOptions

        func validate() throws {
            try OutputPath.checkFile(out)
            guard n >= 2 else { throw ValidationError("--n must be at least 2: a reward spread needs two samples") }
            guard minMean <= maxMean else { throw ValidationError("--min-mean must not exceed --max-mean") }
            guard minStd >= 0 else { throw ValidationError("--min-std must not be negative") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
            try remote.validate(localModel: model)
        }

        func run() async throws {
            var problems = try ProblemFile.load(URL(fileURLWithPath: self.problems))
            if let limit { problems = Array(problems.prefix(limit)) }
            let toolchain = Toolchain()
            _ = try toolchain.path(.iverilog)
            var weights = try rewards.weights()
            weights.answerFormat = promptFormat.answerFormat
            let scorer = Scorer(
                toolchain: toolchain, weights: weights, checker: rewards.checker, limits: sandbox.limits,
                workers: sandbox.workers)
            let source = try remote.source(localModel: model)
            var parameters = SamplingParameters()
            parameters.temperature = temperature
            parameters.topP = topP
            parameters.topK = topK
            parameters.repetitionPenalty = repetitionPenalty
            parameters.maxTokens = maxTokens
            parameters.seed = seed
            let scoring = GroupScoring(
                source: source, scorer: scorer, parameters: parameters, groupSize: n, format: promptFormat, system: system)
            let progress = ProgressLine(label: "sampling \(n) per problem")
            progress.update(0, problems.count)
            let groups = try await scoring.run(problems, progress: progress.update)
            let filter = DifficultyFilter(
                minMean: minMean, maxMean: maxMean, minStandardDeviation: minStd, dropUniform: !keepUniform)
            let result = FilterReport(model: source.modelName, groupSize: n, filter: filter, groups: groups.map(\.rewards))
            let keep = Set(result.keptIDs)
            try AtomicWrite.write(try ProblemFile.encode(problems.filter { keep.contains($0.id) }), to: URL(fileURLWithPath: out))
            if let report { try AtomicWrite.write(try AtomicWrite.json(result), to: URL(fileURLWithPath: report)) }
            if let samples {
                let lines = groups.flatMap { group in
                    zip(group.completions, group.breakdowns).map {
                        SampleLogLine(
                            text: $0.text, finishReason: $0.finishReason, score: ScoreRecord(id: group.problem.id, breakdown: $1))
                    }
                }
                try AtomicWrite.write(try AtomicWrite.jsonLines(lines), to: URL(fileURLWithPath: samples))
            }
            print(result.familyTable(), terminator: "")
            let reasons = result.droppedBy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            FileHandle.standardError.write(
                Data(
                    "kept \(result.kept) of \(result.problems) problems\(reasons.isEmpty ? "" : " (dropped: \(reasons))") -> \(out)\n"
                        .utf8))
        }
    }
}

/// One line of `--samples`: the completion and its score.
struct SampleLogLine: Encodable {
    var text: String
    var finishReason: String
    var score: ScoreRecord

    enum CodingKeys: String, CodingKey {
        case text
        case finishReason = "finish_reason"
    }

    func encode(to encoder: Encoder) throws {
        try score.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(finishReason, forKey: .finishReason)
    }
}
