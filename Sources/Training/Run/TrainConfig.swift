import Benchmarks
import Foundation

/// Everything `verireason train` runs with: the model and data, the optional SFT stage, the
/// periodic evaluation, and the GRPO settings, in one flat object whose keys are TRL's names
/// (`num_generations`, `beta`, ...) and snake_case for the rest. A config file may set any
/// subset (the SFT stage's settings also as a `sft` section without the `sft_` prefix); flags
/// override it; the resolved whole is echoed to the run folder's `config.json`.
public struct TrainConfig: Sendable, Hashable, Codable {
    /// A GGUF file, or "default".
    public var model = "default"
    /// How problems are put to the policy in every stage (and recorded in the exported GGUF).
    public var promptFormat: PromptFormat = .code
    /// Problems to train on (the project's JSONL).
    public var problems = "datasets/problems-generated.jsonl"
    /// SFT rows for the first stage; nil or `sft_steps` 0 skips it.
    public var sftData: String? = "datasets/sft-generated.jsonl"
    /// Updates of the SFT stage; nil takes `sft_epochs` passes; 0 skips the stage.
    public var sftSteps: Int? = 140
    public var sftEpochs = 1
    public var sftLearningRate: Float = 2e-4
    public var sftWarmupSteps = 5
    public var sftLRSchedulerType: LearningRateSchedule.Kind = .cosine
    /// LoRA rank of the SFT stage; 0 trains every weight; nil is GRPO's `lora_rank`. Set, it
    /// must equal `lora_rank` (one trainable model runs through both stages).
    public var sftLoRARank: Int?
    public var sftBatchSize = 8
    /// Rows longer than this (prompt and response, in tokens) are dropped and counted.
    public var sftMaxLength = 512
    /// Share of the SFT rows held out for the evaluation loss.
    public var sftEvalSplit = 0.02
    /// Held-out loss every N updates as well as at the end (0: only at the end).
    public var sftEvalSteps = 0
    /// Training problems the model after SFT answers before GRPO may start (0: no gate).
    public var grpoGateProblems = 32
    /// Held-out problems scored greedily (pass rate) before training, every `eval_steps` and at the end.
    public var evalProblems: String? = "datasets/problems-test.jsonl"
    /// 0: only before and after.
    public var evalSteps = 0
    /// Score only the first N evaluation problems (0: all).
    public var evalLimit = 0
    /// The system message; nil uses VeriReason's.
    public var system: String?
    public var grpo = GRPOConfig()

    public init() {}

    enum CodingKeys: String, CodingKey {
        case model, problems
        case promptFormat = "prompt_format"
        case sftData = "sft_data"
        case sftSteps = "sft_steps"
        case sftEpochs = "sft_epochs"
        case sftLearningRate = "sft_learning_rate"
        case sftWarmupSteps = "sft_warmup_steps"
        case sftLRSchedulerType = "sft_lr_scheduler_type"
        case sftLoRARank = "sft_lora_rank"
        case sftBatchSize = "sft_batch_size"
        case sftMaxLength = "sft_max_length"
        case sftEvalSplit = "sft_eval_split"
        case sftEvalSteps = "sft_eval_steps"
        case grpoGateProblems = "grpo_gate_problems"
        case evalProblems = "eval_problems"
        case evalSteps = "eval_steps"
        case evalLimit = "eval_limit"
        case system
    }

    /// Every key a config file may hold.
    public static var keys: Set<String> {
        GRPOConfig.keys.union(
            [
                "model", "prompt_format", "problems", "grpo_gate_problems", "eval_problems", "eval_steps", "eval_limit", "system",
            ]
        ).union(sftKeys)
    }

    /// The SFT stage's keys; in a file's `sft` section they are written without the prefix.
    public static var sftKeys: Set<String> {
        Set(
            [
                "sft_data", "sft_steps", "sft_epochs", "sft_learning_rate", "sft_warmup_steps", "sft_lr_scheduler_type",
                "sft_lora_rank", "sft_batch_size", "sft_max_length", "sft_eval_split", "sft_eval_steps",
            ])
    }

    public init(from decoder: Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func take<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try take(.model, &model)
        try take(.promptFormat, &promptFormat)
        try take(.problems, &problems)
        if c.contains(.sftData) { sftData = try c.decodeIfPresent(String.self, forKey: .sftData) }
        if c.contains(.sftSteps) { sftSteps = try c.decodeIfPresent(Int.self, forKey: .sftSteps) }
        try take(.sftEpochs, &sftEpochs)
        try take(.sftLearningRate, &sftLearningRate)
        try take(.sftWarmupSteps, &sftWarmupSteps)
        try take(.sftLRSchedulerType, &sftLRSchedulerType)
        sftLoRARank = try c.decodeIfPresent(Int.self, forKey: .sftLoRARank)
        try take(.sftBatchSize, &sftBatchSize)
        try take(.sftMaxLength, &sftMaxLength)
        try take(.sftEvalSplit, &sftEvalSplit)
        try take(.sftEvalSteps, &sftEvalSteps)
        try take(.grpoGateProblems, &grpoGateProblems)
        if c.contains(.evalProblems) { evalProblems = try c.decodeIfPresent(String.self, forKey: .evalProblems) }
        try take(.evalSteps, &evalSteps)
        try take(.evalLimit, &evalLimit)
        system = try c.decodeIfPresent(String.self, forKey: .system)
        grpo = try GRPOConfig(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        try grpo.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(promptFormat, forKey: .promptFormat)
        try c.encode(problems, forKey: .problems)
        try c.encode(sftData, forKey: .sftData)
        try c.encode(sftSteps, forKey: .sftSteps)
        try c.encode(sftEpochs, forKey: .sftEpochs)
        try c.encode(sftLearningRate, forKey: .sftLearningRate)
        try c.encode(sftWarmupSteps, forKey: .sftWarmupSteps)
        try c.encode(sftLRSchedulerType, forKey: .sftLRSchedulerType)
        try c.encodeIfPresent(sftLoRARank, forKey: .sftLoRARank)
        try c.encode(sftBatchSize, forKey: .sftBatchSize)
        try c.encode(sftMaxLength, forKey: .sftMaxLength)
        try c.encode(sftEvalSplit, forKey: .sftEvalSplit)
        try c.encode(sftEvalSteps, forKey: .sftEvalSteps)
        try c.encode(grpoGateProblems, forKey: .grpoGateProblems)
        try c.encode(evalProblems, forKey: .evalProblems)
        try c.encode(evalSteps, forKey: .evalSteps)
        try c.encode(evalLimit, forKey: .evalLimit)
        try c.encodeIfPresent(system, forKey: .system)
    }

    /// Reads a JSON config file, refusing keys it does not know (a misspelt option would
    /// otherwise be silently ignored).
    public static func load(_ url: URL) throws -> TrainConfig {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TrainingError.unreadableData(path: url.path, reason: "cannot read the config file")
        }
        let object: Any
        if url.pathExtension.lowercased() == "toml" {
            object = try TOMLSubset.parse(String(decoding: data, as: UTF8.self), path: url.path)
        } else {
            do { object = try JSONSerialization.jsonObject(with: data) } catch {
                throw TrainingError.malformedRow(path: url.path, line: 1, reason: "not valid JSON: \(error.localizedDescription)")
            }
        }
        guard var dictionary = object as? [String: Any] else {
            throw TrainingError.malformedRow(path: url.path, line: 1, reason: "a config file holds one object of settings")
        }
        // The `sft` section names the SFT stage's settings without their prefix.
        if let section = dictionary.removeValue(forKey: "sft") {
            guard let settings = section as? [String: Any] else {
                throw TrainingError.invalidSettings("\(url.path): 'sft' must be a section of settings")
            }
            for (key, value) in settings {
                let flat = "sft_" + key
                guard sftKeys.contains(flat) else {
                    throw TrainingError.invalidSettings("\(url.path): unknown setting 'sft.\(key)'")
                }
                guard dictionary[flat] == nil else {
                    throw TrainingError.invalidSettings("\(url.path): both 'sft.\(key)' and '\(flat)' are set")
                }
                dictionary[flat] = value
            }
        }
        let unknown = Set(dictionary.keys).subtracting(keys).sorted()
        guard unknown.isEmpty else {
            throw TrainingError.invalidSettings("\(url.path): unknown setting(s) \(unknown.joined(separator: ", "))")
        }
        do {
            return try JSONDecoder().decode(TrainConfig.self, from: try JSONSerialization.data(withJSONObject: dictionary))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw TrainingError.invalidSettings("\(url.path): '\(key)' has the wrong type (\(context.debugDescription))")
        } catch let DecodingError.dataCorrupted(context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw TrainingError.invalidSettings("\(url.path): '\(key)': \(context.debugDescription)")
        }
    }

    /// Checks ranges, naming the setting at fault.
    public func validate() throws {
        try grpo.validate()
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw TrainingError.invalidSettings(message) } }
        try check(sftSteps.map { $0 >= 0 } ?? true, "sft_steps must not be negative")
        try check(sftEpochs >= 1, "sft_epochs must be at least 1")
        try check(sftLearningRate > 0, "sft_learning_rate must be positive")
        try check(sftWarmupSteps >= 0, "sft_warmup_steps must not be negative")
        try check(
            sftLoRARank.map { $0 == grpo.loraRank } ?? true,
            "sft_lora_rank must equal lora_rank (one trainable model runs through both stages)")
        try check((0..<1).contains(sftEvalSplit), "sft_eval_split must be in [0, 1)")
        try check(sftEvalSteps >= 0, "sft_eval_steps must not be negative")
        try check(sftBatchSize >= 1, "sft_batch_size must be at least 1")
        try check(sftMaxLength >= 2, "sft_max_length must be at least 2")
        try check(evalSteps >= 0, "eval_steps must not be negative")
        try check(grpoGateProblems >= 0, "grpo_gate_problems must not be negative")
        try check(evalLimit >= 0, "eval_limit must not be negative")
        try check(
            grpo.saveSteps % grpo.numIterations == 0,
            "save_steps must be a multiple of num_iterations (checkpoints fall between generation batches)")
    }
}

extension TrainConfig {
    /// The SFT stage's settings, on the run's one trainable model.
    var sftConfig: SFTConfig {
        var sft = SFTConfig()
        sft.lora = grpo.lora
        sft.learningRate = sftLearningRate
        sft.schedule = sftLRSchedulerType
        sft.warmupSteps = sftWarmupSteps
        sft.epochs = sftEpochs
        sft.maxSteps = sftSteps
        sft.batchSize = sftBatchSize
        sft.maxLength = sftMaxLength
        sft.evalSplit = sftEvalSplit
        sft.evalSteps = sftEvalSteps > 0 ? sftEvalSteps : nil
        sft.seed = grpo.seed
        return sft
    }
}
