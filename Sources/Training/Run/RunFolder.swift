import Evaluation
import Foundation

/// The layout of a training run's folder:
///
///     config.json            the resolved settings (what --resume reads back)
///     metrics.jsonl          one row per GRPO step, TRL's metric names
///     samples.jsonl          every sampled completion with its reward and advantage
///     eval.jsonl             held-out greedy pass rate before, during and after training
///     curves.svg             reward, pass rate, KL and loss over the steps
///     grpo-gate.json         the after-SFT pass rate on training problems that lets GRPO start
///     model.gguf             the final model (f16), its prompt format in the metadata
///     sft/                   the SFT stage: metrics.jsonl, PEFT adapter, trainable.safetensors
///     checkpoint-N/          PEFT adapter (or model.safetensors), trainer_state.json,
///                            trainable.safetensors, optimizer.safetensors
///
/// Every file is replaced atomically and a checkpoint appears only complete (written to a
/// hidden folder, then renamed), so a run killed at any moment resumes from its last checkpoint.
public struct RunFolder: Sendable {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    public var config: URL { url.appendingPathComponent("config.json") }
    public var metrics: URL { url.appendingPathComponent("metrics.jsonl") }
    public var samples: URL { url.appendingPathComponent("samples.jsonl") }
    public var evaluations: URL { url.appendingPathComponent("eval.jsonl") }
    public var curves: URL { url.appendingPathComponent("curves.svg") }
    public var sft: URL { url.appendingPathComponent("sft") }
    /// Written last by the SFT stage: its presence means the stage finished.
    public var sftState: URL { sft.appendingPathComponent("trainable.safetensors") }
    /// The GRPO gate's measurement (pass rate of the model after SFT on training problems).
    public var gate: URL { url.appendingPathComponent("grpo-gate.json") }
    /// The final model, with the prompt format it was trained with in its metadata.
    public var model: URL { url.appendingPathComponent("model.gguf") }

    public func checkpoint(_ step: Int) -> URL { url.appendingPathComponent("checkpoint-\(step)") }

    /// Steps of the complete checkpoints present, ascending.
    public func checkpointSteps() -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("checkpoint-"), let step = Int(name.dropFirst("checkpoint-".count)) else { return nil }
            let state = checkpoint(step).appendingPathComponent("trainer_state.json")
            return FileManager.default.fileExists(atPath: state.path) ? step : nil
        }.sorted()
    }

    /// Writes a folder's files into a hidden sibling, then renames it into place (replacing an
    /// older one of the same name).
    public func writeAtomically(_ dir: URL, _ body: (URL) throws -> Void) throws {
        let temp = url.appendingPathComponent(".\(dir.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
            try body(temp)
            if FileManager.default.fileExists(atPath: dir.path) { try FileManager.default.removeItem(at: dir) }
            guard rename(temp.path, dir.path) == 0 else {
                throw TrainingError.checkpointWrite(path: dir.path, reason: "cannot rename the finished folder into place")
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    /// Deletes what a run killed mid-write left behind: hidden `.NAME.UUID.tmp` files and folders
    /// of unfinished atomic writes, here and in `sft/`. Finished files are never touched.
    public func removeLeftovers() {
        let fm = FileManager.default
        for dir in [url, sft] {
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasPrefix(".") && name.hasSuffix(".tmp")
            {
                try? fm.removeItem(at: dir.appendingPathComponent(name))
            }
        }
    }

    /// JSON Lines rows of a file written by the run (empty when absent).
    public static func rows<T: Decodable>(_ type: T.Type, at url: URL) throws -> [T] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0A).map { try decoder.decode(T.self, from: Data($0)) }
    }

    public static func writeRows<T: Encodable>(_ rows: [T], to url: URL) throws {
        try AtomicWrite.write(try AtomicWrite.jsonLines(rows), to: url)
    }
}

/// What a checkpoint records beside the weights, for `--resume`.
public struct TrainerState: Sendable, Hashable, Codable {
    /// GRPO updates taken.
    public var globalStep: Int
    public var numTokens: Int
    /// The SFT stage's adapters were merged into the base before GRPO.
    public var sftMerged: Bool
    public var baseModel: String

    enum CodingKeys: String, CodingKey {
        case globalStep = "global_step"
        case numTokens = "num_tokens"
        case sftMerged = "sft_merged"
        case baseModel = "base_model"
    }
}

/// One row of `samples.jsonl`.
public struct SampleLogRow: Sendable, Hashable, Codable {
    public var step: Int
    public var problemID: String
    public var completion: String
    public var reward: Double
    public var passed: Bool
    public var verdict: String
    public var advantage: Double
    public var finishReason: String
    public var tokens: Int

    enum CodingKeys: String, CodingKey {
        case step
        case problemID = "problem_id"
        case completion, reward, passed, verdict, advantage
        case finishReason = "finish_reason"
        case tokens
    }
}

/// One row of `eval.jsonl`: the policy's greedy answers to the held-out problems.
public struct EvaluationRow: Sendable, Hashable, Codable {
    /// Which model was scored: the base, the model after SFT, or the policy after GRPO `step`.
    public enum Stage: String, Sendable, Hashable, Codable {
        case base, sft, grpo
    }

    /// nil in runs written before stages were recorded (step 0 was then "before GRPO").
    public var stage: Stage?
    public var step: Int
    public var problems: Int
    public var passed: Int
    public var passRate: Double
    public var meanReward: Double
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case stage, step, problems, passed
        case passRate = "pass_rate"
        case meanReward = "mean_reward"
        case seconds
    }
}

extension SampleLogRow {
    /// The log row of one rollout sampled for GRPO step `step`.
    init(step: Int, rollout r: Rollout) {
        self.init(
            step: step, problemID: r.problemID, completion: r.completion.text, reward: r.breakdown.reward,
            passed: r.breakdown.passed, verdict: r.breakdown.verdict.verdictClass.rawValue, advantage: r.advantage,
            finishReason: r.completion.finishReason, tokens: r.completionTokens.count)
    }
}
