/// Settings of a supervised fine-tuning run (`verireason sft`), named after TRL's `SFTConfig`
/// where they overlap.
public struct SFTConfig: Sendable, Hashable, Codable {
    /// LoRA adapters; nil trains every weight.
    public var lora: LoRAConfig? = LoRAConfig()
    public var learningRate: Float = 1e-3
    public var schedule: LearningRateSchedule.Kind = .linear
    public var warmupSteps = 0
    public var adamW = AdamWConfig()
    public var maxGradientNorm: Float = 1
    public var epochs = 1
    /// Stops after this many updates (overrides `epochs`).
    public var maxSteps: Int?
    /// Sequences per micro-batch.
    public var batchSize = 4
    /// Micro-batches per update.
    public var gradientAccumulationSteps = 1
    /// Tokens per sequence (prompt and response together); longer rows are dropped and counted.
    public var maxLength = 1024
    /// Share of the examples held out for the evaluation loss.
    public var evalSplit = 0.05
    /// The held-out loss every N updates as well as at the end (nil: only at the end).
    public var evalSteps: Int?
    /// Writes a checkpoint every N updates as well as at the end (nil: only at the end).
    public var saveSteps: Int?
    public var seed: UInt64 = 0

    public init() {}

    /// Checks ranges, naming the setting at fault.
    public func validate() throws {
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw TrainingError.invalidSettings(message) } }
        try check(learningRate > 0, "the learning rate must be positive")
        try check(epochs >= 1, "epochs must be at least 1")
        try check(maxSteps.map { $0 >= 1 } ?? true, "max steps must be at least 1")
        try check(batchSize >= 1 && gradientAccumulationSteps >= 1, "batch size and accumulation steps must be at least 1")
        try check(maxLength >= 2, "the maximum length must be at least 2 tokens")
        try check((0..<1).contains(evalSplit), "the eval split must be in [0, 1)")
        try check(warmupSteps >= 0, "warm-up steps must not be negative")
        try check(evalSteps.map { $0 >= 1 } ?? true, "eval steps must be at least 1")
        if let lora {
            try check(lora.rank >= 1 && lora.alpha > 0 && !lora.targets.isEmpty, "LoRA needs rank >= 1, alpha > 0 and a target")
        }
    }
}
