import Rewards

/// How GRPO normalises a token's loss before summing (TRL's `loss_type`).
public enum GRPOLossType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Mean over each completion's tokens, then over completions (DeepSeekMath): short
    /// completions weigh more per token.
    case grpo
    /// Sum over every completion token of the batch divided by their number.
    case bnpo
    /// Sum divided by completions × `max_completion_length` (Dr. GRPO): no length bias.
    case drGRPO = "dr_grpo"
    /// Sum divided by the completion tokens of the whole batch (DAPO); on one machine the same
    /// as `bnpo`.
    case dapo
}

/// How rewards are scaled into advantages after subtracting the group mean (TRL's
/// `scale_rewards`).
public enum RewardScaling: String, Sendable, Hashable, Codable, CaseIterable {
    /// Divide by the group's standard deviation.
    case group
    /// Divide by the standard deviation over the whole batch.
    case batch
    /// Leave the centred rewards unscaled (Dr. GRPO).
    case none
}

/// The GRPO settings of `verireason train`, under TRL's `GRPOConfig` names where they overlap
/// (the JSON keys are TRL's; the flags their kebab-case).
public struct GRPOConfig: Sendable, Hashable, Codable {
    /// Completions per prompt (G).
    public var numGenerations = 8
    public var temperature: Float = 0.7
    public var topP: Float = 1
    public var topK = 50
    public var repetitionPenalty: Float = 1.1
    /// Prompt tokens kept (from the end, as TRL truncates on the left).
    public var maxPromptLength = 512
    public var maxCompletionLength = 384
    /// Weight of the KL penalty to the reference policy (k3 estimator); 0 skips the reference pass.
    public var beta: Float = 0
    /// Lower clip range of the probability ratio.
    public var epsilon: Float = 0.2
    /// Upper clip range (DAPO's clip-higher); nil means `epsilon`.
    public var epsilonHigh: Float?
    public var lossType: GRPOLossType = .bnpo
    public var scaleRewards: RewardScaling = .group
    /// Updates per batch of generations (μ); above 1 the clipped ratio is against the policy that sampled.
    public var numIterations = 1
    /// Completions cut off at `max_completion_length` carry no loss.
    public var maskTruncatedCompletions = true
    /// DAPO's dynamic sampling: only groups with both passing and failing completions enter the
    /// update, and further problems are drawn (up to `dynamic_sampling_max_problems`) to fill the
    /// batch with such groups.
    public var dynamicSampling = true
    /// With dynamic sampling, problems sampled at most per generation batch while fewer than
    /// `batch_size` groups have both passing and failing completions (DAPO over-samples so).
    public var dynamicSamplingMaxProblems = 6
    /// Prompts per step.
    public var batchSize = 2
    public var maxSteps = 30
    /// Peak learning rate; the default suits full fine-tuning (LoRA wants about 50 times more).
    public var learningRate: Float = 1e-5
    public var lrSchedulerType: LearningRateSchedule.Kind = .linear
    public var warmupSteps = 0
    public var weightDecay: Float = 0
    public var maxGradNorm: Float = 1
    /// LoRA rank; 0 trains every weight.
    public var loraRank = 0
    public var loraAlpha: Float = 16
    public var loraTargets: [LoRATarget] = LoRATarget.allCases
    public var loraDropout: Float = 0
    /// A checkpoint every N steps as well as at the end.
    public var saveSteps = 10
    public var seed: UInt64 = 0
    /// VeriReason's reward weights.
    public var rewardWeights = RewardWeights()

    public init() {}

    /// The upper clip range in force.
    public var effectiveEpsilonHigh: Float { epsilonHigh ?? epsilon }

    /// The adapters, or nil for full fine-tuning.
    public var lora: LoRAConfig? {
        loraRank > 0 ? LoRAConfig(rank: loraRank, alpha: loraAlpha, targets: loraTargets, dropout: loraDropout) : nil
    }

    /// Checks ranges, naming the setting at fault by its TRL name.
    public func validate() throws {
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw TrainingError.invalidSettings(message) } }
        try check(numGenerations >= 2, "num_generations must be at least 2 (advantages compare completions of a group)")
        try check(temperature > 0, "temperature must be positive (GRPO samples; 0 would make every group uniform)")
        try check(topP > 0 && topP <= 1, "top_p must be in (0, 1]")
        try check(topK >= 0, "top_k must not be negative")
        try check(repetitionPenalty > 0, "repetition_penalty must be positive")
        try check(maxPromptLength >= 1, "max_prompt_length must be at least 1")
        try check(maxCompletionLength >= 1, "max_completion_length must be at least 1")
        try check(beta >= 0, "beta must not be negative")
        try check(epsilon > 0 && epsilon < 1, "epsilon must be in (0, 1)")
        try check(effectiveEpsilonHigh > 0, "epsilon_high must be positive")
        try check(numIterations >= 1, "num_iterations must be at least 1")
        try check(batchSize >= 1, "batch_size must be at least 1")
        try check(dynamicSamplingMaxProblems >= 0, "dynamic_sampling_max_problems must not be negative")
        try check(maxSteps >= 1, "max_steps must be at least 1")
        try check(learningRate > 0, "learning_rate must be positive")
        try check(warmupSteps >= 0, "warmup_steps must not be negative")
        try check(saveSteps >= 1, "save_steps must be at least 1")
        try check(loraRank >= 0, "lora_rank must not be negative")
        try check(loraRank == 0 || (loraAlpha > 0 && !loraTargets.isEmpty), "LoRA needs lora_alpha > 0 and a target")
        try check(loraDropout >= 0 && loraDropout < 1, "lora_dropout must be in [0, 1)")
        do { try rewardWeights.validate() } catch { throw TrainingError.invalidSettings("reward_weights: \(error)") }
    }

    enum CodingKeys: String, CodingKey {
        case numGenerations = "num_generations"
        case temperature
        case topP = "top_p"
        case topK = "top_k"
        case repetitionPenalty = "repetition_penalty"
        case maxPromptLength = "max_prompt_length"
        case maxCompletionLength = "max_completion_length"
        case beta, epsilon
        case epsilonHigh = "epsilon_high"
        case lossType = "loss_type"
        case scaleRewards = "scale_rewards"
        case numIterations = "num_iterations"
        case maskTruncatedCompletions = "mask_truncated_completions"
        case dynamicSampling = "dynamic_sampling"
        case dynamicSamplingMaxProblems = "dynamic_sampling_max_problems"
        case batchSize = "batch_size"
        case maxSteps = "max_steps"
        case learningRate = "learning_rate"
        case lrSchedulerType = "lr_scheduler_type"
        case warmupSteps = "warmup_steps"
        case weightDecay = "weight_decay"
        case maxGradNorm = "max_grad_norm"
        case loraRank = "lora_rank"
        case loraAlpha = "lora_alpha"
        case loraTargets = "lora_targets"
        case loraDropout = "lora_dropout"
        case saveSteps = "save_steps"
        case seed
        case rewardWeights = "reward_weights"
    }

    /// Keys a config file may set, for a clear error on a misspelt one.
    public static let keys = Set(
        [
            "num_generations", "temperature", "top_p", "top_k", "repetition_penalty", "max_prompt_length",
            "max_completion_length", "beta", "epsilon", "epsilon_high", "loss_type", "scale_rewards", "num_iterations",
            "mask_truncated_completions", "dynamic_sampling", "dynamic_sampling_max_problems", "batch_size", "max_steps",
            "learning_rate",
            "lr_scheduler_type", "warmup_steps", "weight_decay", "max_grad_norm", "lora_rank", "lora_alpha", "lora_targets",
            "lora_dropout",
            "save_steps", "seed", "reward_weights",
        ])

    /// Every key optional in a file: a partial file overrides only what it names.
    public init(from decoder: Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func take<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try take(.numGenerations, &numGenerations)
        try take(.temperature, &temperature)
        try take(.topP, &topP)
        try take(.topK, &topK)
        try take(.repetitionPenalty, &repetitionPenalty)
        try take(.maxPromptLength, &maxPromptLength)
        try take(.maxCompletionLength, &maxCompletionLength)
        try take(.beta, &beta)
        try take(.epsilon, &epsilon)
        epsilonHigh = try c.decodeIfPresent(Float.self, forKey: .epsilonHigh)
        try take(.lossType, &lossType)
        try take(.scaleRewards, &scaleRewards)
        try take(.numIterations, &numIterations)
        try take(.maskTruncatedCompletions, &maskTruncatedCompletions)
        try take(.dynamicSampling, &dynamicSampling)
        try take(.dynamicSamplingMaxProblems, &dynamicSamplingMaxProblems)
        try take(.batchSize, &batchSize)
        try take(.maxSteps, &maxSteps)
        try take(.learningRate, &learningRate)
        try take(.lrSchedulerType, &lrSchedulerType)
        try take(.warmupSteps, &warmupSteps)
        try take(.weightDecay, &weightDecay)
        try take(.maxGradNorm, &maxGradNorm)
        try take(.loraRank, &loraRank)
        try take(.loraAlpha, &loraAlpha)
        try take(.loraTargets, &loraTargets)
        try take(.loraDropout, &loraDropout)
        try take(.saveSteps, &saveSteps)
        try take(.seed, &seed)
        if let partial = try c.decodeIfPresent(PartialRewardWeights.self, forKey: .rewardWeights) {
            rewardWeights.format = partial.format ?? rewardWeights.format
            rewardWeights.functional = partial.functional ?? rewardWeights.functional
            rewardWeights.compiles = partial.compiles ?? rewardWeights.compiles
            rewardWeights.structural = partial.structural ?? rewardWeights.structural
            rewardWeights.partialCredit = partial.partialCredit ?? rewardWeights.partialCredit
        }
    }

    /// `reward_weights` in a file may name only the weights it changes.
    private struct PartialRewardWeights: Decodable {
        var format, functional, compiles, structural: Double?
        var partialCredit: Bool?
    }
}
