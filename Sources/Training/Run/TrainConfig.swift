import Foundation

/// Everything `verireason train` runs with: the model and data, the optional SFT stage, the
/// periodic evaluation, and the GRPO settings, in one flat object whose keys are TRL's names
/// (`num_generations`, `beta`, ...) and snake_case for the rest. A config file may set any
/// subset; flags override it; the resolved whole is echoed to the run folder's `config.json`.
public struct TrainConfig: Sendable, Hashable, Codable {
    /// A GGUF file, or "default".
    public var model = "default"
    /// Problems to train on (the project's JSONL).
    public var problems = "datasets/problems-train.jsonl"
    /// SFT rows for the first stage; nil or `sft_steps` 0 skips it.
    public var sftData: String? = "datasets/sft-train.jsonl"
    public var sftSteps = 60
    public var sftLearningRate: Float = 1e-3
    public var sftBatchSize = 4
    public var sftMaxLength = 1024
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
        case sftData = "sft_data"
        case sftSteps = "sft_steps"
        case sftLearningRate = "sft_learning_rate"
        case sftBatchSize = "sft_batch_size"
        case sftMaxLength = "sft_max_length"
        case evalProblems = "eval_problems"
        case evalSteps = "eval_steps"
        case evalLimit = "eval_limit"
        case system
    }

    /// Every key a config file may hold.
    public static var keys: Set<String> {
        GRPOConfig.keys.union(
            [
                "model", "problems", "sft_data", "sft_steps", "sft_learning_rate", "sft_batch_size", "sft_max_length",
                "eval_problems", "eval_steps", "eval_limit", "system",
            ])
    }

    public init(from decoder: Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func take<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try take(.model, &model)
        try take(.problems, &problems)
        if c.contains(.sftData) { sftData = try c.decodeIfPresent(String.self, forKey: .sftData) }
        try take(.sftSteps, &sftSteps)
        try take(.sftLearningRate, &sftLearningRate)
        try take(.sftBatchSize, &sftBatchSize)
        try take(.sftMaxLength, &sftMaxLength)
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
        try c.encode(problems, forKey: .problems)
        try c.encode(sftData, forKey: .sftData)
        try c.encode(sftSteps, forKey: .sftSteps)
        try c.encode(sftLearningRate, forKey: .sftLearningRate)
        try c.encode(sftBatchSize, forKey: .sftBatchSize)
        try c.encode(sftMaxLength, forKey: .sftMaxLength)
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
        guard let dictionary = object as? [String: Any] else {
            throw TrainingError.malformedRow(path: url.path, line: 1, reason: "a config file holds one object of settings")
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
        try check(sftSteps >= 0, "sft_steps must not be negative")
        try check(sftLearningRate > 0, "sft_learning_rate must be positive")
        try check(sftBatchSize >= 1, "sft_batch_size must be at least 1")
        try check(sftMaxLength >= 2, "sft_max_length must be at least 2")
        try check(evalSteps >= 0, "eval_steps must not be negative")
        try check(evalLimit >= 0, "eval_limit must not be negative")
        try check(
            grpo.saveSteps % grpo.numIterations == 0,
            "save_steps must be a multiple of num_iterations (checkpoints fall between generation batches)")
    }
}
