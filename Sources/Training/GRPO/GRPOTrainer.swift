import Benchmarks
import Foundation
import Policy
import Rewards

/// Group Relative Policy Optimization on the CPU: each generation batch samples G completions
/// of `batch_size` problems from the current policy (the batched engine, on the merged weights),
/// scores them with the verifier while the next problem is being sampled, turns rewards into
/// group-relative advantages, and takes `num_iterations` clipped policy-gradient updates with a
/// KL penalty to the reference (the model with its adapters off).
///
/// Every random choice is a function of the seed and the step (problem order per epoch,
/// sampling seeds per problem), so a run resumed from a checkpoint continues exactly as the
/// uninterrupted run would have.
public final class GRPOTrainer {
    public let config: GRPOConfig
    public let model: TrainableModel
    public let optimizer: Optimizer
    let base: LanguageModel
    let problems: [Problem]
    /// The verifier: rewards for completions of a problem, in order.
    let score: @Sendable (Problem, [String]) -> [RewardBreakdown]
    let system: String?
    /// The reference of full fine-tuning (LoRA's is the same model with its adapters off).
    let reference: TrainableModel?
    /// Updates taken.
    public private(set) var step: Int
    /// Prompt and completion tokens processed so far (TRL's `num_tokens`).
    public private(set) var tokensSeen = 0
    private var groups: [RolloutGroup] = []

    /// What a step reports as it goes.
    public enum Progress: Sendable {
        case sampled(problem: Int, of: Int, tokens: Int)
        case updated(sequence: Int, of: Int)
    }

    public convenience init(
        base: LanguageModel, model: TrainableModel, problems: [Problem], scorer: Scorer, config: GRPOConfig,
        system: String? = nil, startStep: Int = 0, tokensSeen: Int = 0
    ) throws {
        try self.init(
            base: base, model: model, problems: problems,
            score: { problem, texts in scorer.score(texts.map { ScoreRequest(problem: problem, completion: $0) }) },
            config: config, system: system,
            startStep: startStep, tokensSeen: tokensSeen)
    }

    /// With any reward function in place of the verifier (tests use toy rewards).
    init(
        base: LanguageModel, model: TrainableModel, problems: [Problem],
        score: @escaping @Sendable (Problem, [String]) -> [RewardBreakdown],
        config: GRPOConfig, system: String? = nil, startStep: Int = 0, tokensSeen: Int = 0
    ) throws {
        try config.validate()
        guard !problems.isEmpty else { throw TrainingError.invalidSettings("GRPO needs at least one problem") }
        self.config = config
        self.base = base
        self.model = model
        self.problems = problems
        self.score = score
        self.system = system
        step = startStep
        self.tokensSeen = tokensSeen
        optimizer = Optimizer(
            model: model, adamW: AdamWConfig(weightDecay: config.weightDecay),
            schedule: LearningRateSchedule(
                kind: config.lrSchedulerType, peak: config.learningRate, warmupSteps: config.warmupSteps,
                totalSteps: config.maxSteps),
            maxGradientNorm: config.maxGradNorm)
        reference = config.beta > 0 && model.lora == nil ? model.frozenCopy() : nil
    }

    public var isFinished: Bool { step >= config.maxSteps }

    /// The problems of generation batch `b`: epochs walk the problem set in a seeded order.
    public func problems(forBatch b: Int) -> [Problem] {
        (0..<config.batchSize).map { k in
            let index = b * config.batchSize + k
            let epoch = index / problems.count
            var rng = RandomSource(seed: config.seed ^ (0xE90C_0000 &+ UInt64(epoch)))
            let order = Array(problems.indices).shuffled(using: &rng)
            return problems[order[index % problems.count]]
        }
    }

    /// The `draw`-th further problem of generation batch `b` under dynamic sampling: a seeded
    /// draw from the whole set, the same on every run and resume.
    func extraProblem(batch b: Int, draw: Int) -> Problem {
        var rng = RandomSource(seed: config.seed ^ 0xD5A4_0000_0000 ^ (UInt64(b) &* 1_000_003 &+ UInt64(draw)))
        return problems[Int.random(in: 0..<problems.count, using: &rng)]
    }

    /// The sampling settings of problem `k` of generation batch `b`.
    func sampling(batch b: Int, problem k: Int) -> SamplingParameters {
        var p = SamplingParameters()
        p.temperature = config.temperature
        p.topP = config.topP
        p.topK = config.topK
        p.repetitionPenalty = config.repetitionPenalty
        p.maxTokens = config.maxCompletionLength
        p.seed = config.seed &+ UInt64(b) &* 1_000_003 &+ UInt64(k) &* 7919
        return p
    }

    /// The prompt tokens of a problem: the chat template, cut on the left to `max_prompt_length`.
    func promptTokens(_ problem: Problem) -> [Int] {
        let text = base.chatTemplate.prompt(
            user: VeriReasonPrompt.userMessage(for: problem), system: system ?? VeriReasonPrompt.system(.code))
        let tokens = base.tokenizer.encode(text)
        return Array(tokens.suffix(config.maxPromptLength))
    }

    /// Samples and scores generation batch `b` with the current weights.
    func generate(batch b: Int, progress: (Progress) -> Void) async throws -> [RolloutGroup] {
        let policy = try LanguageModel(base: base, weights: model.mergedWeights())
        let batch = problems(forBatch: b)
        var groups: [RolloutGroup] = []
        var pending: Task<RolloutGroup, Never>?
        for (k, problem) in batch.enumerated() {
            let prompt = promptTokens(problem)
            let completions = policy.generate(
                prompt: prompt, n: config.numGenerations, parameters: sampling(batch: b, problem: k))
            progress(.sampled(problem: k + 1, of: batch.count, tokens: completions.reduce(0) { $0 + $1.tokenIDs.count }))
            if let pending { groups.append(await pending.value) }
            let score = score
            // The simulations of this group run while the next problem is being sampled.
            pending = Task.detached {
                let breakdowns = score(problem, completions.map(\.text))
                return RolloutGroup(
                    problem: problem,
                    rollouts: zip(completions, breakdowns).map {
                        Rollout(problemID: problem.id, promptTokens: prompt, completion: $0, breakdown: $1)
                    })
            }
        }
        if let pending { groups.append(await pending.value) }
        // DAPO's dynamic sampling: while fewer than batch_size groups have both passes and fails,
        // draw further problems (deterministically, from the batch's own stream), so that the
        // update learns from problems the policy solves sometimes but not always.
        if config.dynamicSampling {
            var k = batch.count
            while groups.filter(\.isLearnable).count < config.batchSize, k < config.dynamicSamplingMaxProblems {
                let problem = extraProblem(batch: b, draw: k)
                let prompt = promptTokens(problem)
                let completions = policy.generate(
                    prompt: prompt, n: config.numGenerations, parameters: sampling(batch: b, problem: k))
                k += 1
                progress(.sampled(problem: k, of: k, tokens: completions.reduce(0) { $0 + $1.tokenIDs.count }))
                let breakdowns = score(problem, completions.map(\.text))
                groups.append(
                    RolloutGroup(
                        problem: problem,
                        rollouts: zip(completions, breakdowns).map {
                            Rollout(problemID: problem.id, promptTokens: prompt, completion: $0, breakdown: $1)
                        }))
            }
        }
        let advantages = Advantages.compute(groups: groups.map(\.rewards), scaling: config.scaleRewards)
        for g in groups.indices {
            for r in groups[g].rollouts.indices { groups[g].rollouts[r].advantage = advantages[g][r] }
        }
        return groups
    }

    /// One update: samples a new batch first when this step starts one. Returns the step's metrics.
    public func runStep(progress: (Progress) -> Void = { _ in }) async throws -> GRPOMetrics {
        precondition(!isFinished, "the run has taken all its steps")
        let start = Date()
        let batch = step / config.numIterations
        let iteration = step % config.numIterations
        var metrics = GRPOMetrics()
        var samplingSeconds = 0.0
        if iteration == 0 || groups.isEmpty {
            groups = try await generate(batch: batch, progress: progress)
            samplingSeconds = Date().timeIntervalSince(start)
            tokensSeen += groups.reduce(0) { $0 + $1.rollouts.reduce(0) { $0 + $1.tokens.count } }
            if config.beta > 0 {
                let referenceStart = Date()
                referencePass()
                metrics["reference_time"] = Date().timeIntervalSince(referenceStart)
            }
        }
        rewardMetrics(into: &metrics)
        // LoRA dropout's masks depend on the seed and the step alone, as everything else does.
        model.reseedDropout(config.seed ^ (0xD809_0000_0000 &+ UInt64(step)))
        let updateStart = Date()
        let update = self.update(iteration: iteration, progress: progress)
        let updateSeconds = Date().timeIntervalSince(updateStart)
        metrics["update_time"] = updateSeconds
        if let tokens = update["update_tokens"] { metrics["train_tokens_per_second"] = tokens / max(updateSeconds, 1e-9) }
        step += 1
        for (k, v) in update { metrics[k] = v }
        metrics["step"] = Double(step)
        metrics["epoch"] = Double((batch + 1) * config.batchSize) / Double(problems.count)
        metrics["num_tokens"] = Double(tokensSeen)
        metrics["step_time"] = Date().timeIntervalSince(start)
        metrics["sampling_time"] = samplingSeconds
        return metrics
    }

    /// The rollouts of the current generation batch (the sample log).
    public var currentGroups: [RolloutGroup] { groups }

    /// log π_ref of every completion that will carry loss.
    private func referencePass() {
        let lora = model.lora != nil
        if lora { model.adaptersEnabled = false }
        defer { if lora { model.adaptersEnabled = true } }
        let ref = reference ?? model
        let packs = groups.indices.filter { !config.dynamicSampling || groups[$0].isLearnable }.flatMap { g in
            packedChunks(groups[g].rollouts.indices.filter { carriesLoss(groups[g].rollouts[$0]) }, group: g).map { (g, $0) }
        }
        // The update's packs are subsets of these: one allocation serves the whole step.
        let layouts = packs.map { g, chunk in
            SequenceLayout(
                promptLength: groups[g].rollouts[chunk[0]].promptTokens.count,
                segmentLengths: chunk.map { groups[g].rollouts[$0].completionTokens.count - 1 })
        }
        ref.reserveActivations(for: layouts)
        if ref !== model { model.reserveActivations(for: layouts) }
        for (g, chunk) in packs {
            let logProbs = ref.groupLogProbs(
                prompt: groups[g].rollouts[chunk[0]].promptTokens,
                completions: chunk.map { groups[g].rollouts[$0].completionTokens }, temperature: config.temperature)
            for (r, result) in zip(chunk, logProbs) { groups[g].rollouts[r].referenceLogProbs = result.logProbs }
        }
    }

    /// Rows of one packed forward pass at most: the prompt once and several completions after it.
    /// Activation memory grows with the rows (about 1 MB each for SmolLM2-135M) and attention's
    /// with rows × (prompt + completion), so long completions go in several passes.
    static let packedRowLimit = 3072

    /// Rollouts `members` of group `g` in packs that share one prompt pass each.
    private func packedChunks(_ members: [Int], group g: Int) -> [[Int]] {
        guard let first = members.first else { return [] }
        let prompt = groups[g].rollouts[first].promptTokens.count
        var chunks: [[Int]] = []
        var current: [Int] = []
        var rows = prompt
        for r in members {
            precondition(groups[g].rollouts[r].promptTokens.count == prompt, "a group shares its prompt")
            let extra = groups[g].rollouts[r].completionTokens.count - 1
            if !current.isEmpty, rows + extra > Self.packedRowLimit {
                chunks.append(current)
                current = []
                rows = prompt
            }
            current.append(r)
            rows += extra
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    private func carriesLoss(_ r: Rollout) -> Bool {
        !r.completionTokens.isEmpty && !(config.maskTruncatedCompletions && r.truncated)
    }

    /// The clipped objective over the batch's loss-carrying tokens, backward, and one optimizer step.
    private func update(iteration: Int, progress: (Progress) -> Void) -> [String: Double] {
        let objective = ClippedObjective(
            epsilonLow: config.epsilon, epsilonHigh: config.effectiveEpsilonHigh, beta: config.beta)
        // Sequences in the update: dynamic filtering leaves uniform groups out entirely.
        let kept = groups.indices.filter { !config.dynamicSampling || groups[$0].isLearnable }
        let members = kept.flatMap { g in groups[g].rollouts.indices.map { (g, $0) } }
        let lossTokens = members.map {
            carriesLoss(groups[$0.0].rollouts[$0.1]) ? groups[$0.0].rollouts[$0.1].completionTokens.count : 0
        }
        let weights = config.lossType.tokenWeights(lossTokens: lossTokens, maxCompletionLength: config.maxCompletionLength)
        var loss = 0.0
        var klSum = 0.0
        var entropySum = 0.0
        var tokens = 0
        var sequenceTokens = 0
        var lowClipped = 0
        var highClipped = 0
        var lowPerSequence: [Double] = []
        var highPerSequence: [Double] = []
        var packedRows = 0
        var updated = 0
        model.zeroGradients()
        // Each group's completions go through one packed pass (or a few), sharing the prompt's rows.
        let weighted = members.indices.filter { weights[$0] > 0 }
        for g in kept {
            let byRollout = Dictionary(
                uniqueKeysWithValues: weighted.filter { members[$0].0 == g }.map { (members[$0].1, $0) })
            for chunk in packedChunks(byRollout.keys.sorted(), group: g) {
                let rollouts = chunk.map { groups[g].rollouts[$0] }
                var perToken: [[ClippedObjective.Token]] = []
                let current = model.accumulateGroupPolicyGradient(
                    prompt: rollouts[0].promptTokens, completions: rollouts.map(\.completionTokens),
                    temperature: config.temperature
                ) { current in
                    // π_old is the policy that sampled: on the first iteration that is the current
                    // model itself (ratio 1, gradient of the plain policy-gradient term).
                    perToken = zip(rollouts, current).map { rollout, current in
                        let old = rollout.oldLogProbs ?? current.logProbs
                        return current.logProbs.indices.map { t in
                            objective.token(
                                logProb: current.logProbs[t], oldLogProb: old[t],
                                referenceLogProb: rollout.referenceLogProbs?[t], advantage: Float(rollout.advantage))
                        }
                    }
                    return zip(chunk, perToken).map { r, tokens in
                        let weight = weights[byRollout[r]!]
                        return tokens.map { $0.derivative * weight }
                    }
                }
                packedRows += rollouts[0].promptTokens.count + rollouts.reduce(0) { $0 + $1.completionTokens.count - 1 }
                for (k, r) in chunk.enumerated() {
                    let tokensOfR = perToken[k]
                    if iteration == 0, config.numIterations > 1 { groups[g].rollouts[r].oldLogProbs = current[k].logProbs }
                    loss += tokensOfR.reduce(0) { $0 + $1.loss } * Double(weights[byRollout[r]!])
                    klSum += tokensOfR.reduce(0) { $0 + $1.kl }
                    entropySum += current[k].entropies.reduce(0) { $0 + Double($1) }
                    let low = tokensOfR.filter(\.clippedLow).count
                    let high = tokensOfR.filter(\.clippedHigh).count
                    lowClipped += low
                    highClipped += high
                    lowPerSequence.append(Double(low) / Double(tokensOfR.count))
                    highPerSequence.append(Double(high) / Double(tokensOfR.count))
                    tokens += tokensOfR.count
                    sequenceTokens += rollouts[k].tokens.count
                    updated += 1
                }
                progress(.updated(sequence: updated, of: weighted.count))
            }
        }
        var out: [String: Double] = [:]
        if tokens > 0 {
            let (lr, norm) = optimizer.step()
            out["learning_rate"] = Double(lr)
            out["grad_norm"] = Double(norm)
            out["kl"] = klSum / Double(tokens)
            out["entropy"] = entropySum / Double(tokens)
            out["clip_ratio/low_mean"] = Double(lowClipped) / Double(tokens)
            out["clip_ratio/high_mean"] = Double(highClipped) / Double(tokens)
            out["clip_ratio/region_mean"] = Double(lowClipped + highClipped) / Double(tokens)
            out["clip_ratio/low_min"] = lowPerSequence.min()
            out["clip_ratio/high_max"] = highPerSequence.max()
        } else {
            // Nothing to learn from (every group uniform): no update, but the schedule moves on so
            // that max_steps bounds the run's length.
            optimizer.skip()
            out["learning_rate"] = Double(optimizer.schedule.rate(at: optimizer.stepCount - 1))
            out["grad_norm"] = 0
        }
        out["loss"] = loss
        out["num_sequences_updated"] = Double(members.count)
        // Prompt and completion tokens of the sequences updated, as TRL counts them (the training
        // throughput), and the rows actually computed (each group's prompt once per pack).
        out["update_tokens"] = Double(sequenceTokens)
        out["update_rows"] = Double(packedRows)
        return out
    }

    /// TRL's reward and completion metrics for the current generation batch.
    private func rewardMetrics(into m: inout GRPOMetrics) {
        let all = groups.flatMap(\.rollouts)
        let rewards = all.map(\.breakdown.reward)
        m["reward"] = Advantages.mean(rewards)
        m["reward_std"] = Advantages.standardDeviation(rewards)
        m["frac_reward_zero_std"] = Double(groups.filter(\.isUniform).count) / Double(max(1, groups.count))
        m["pass_rate"] = Double(all.filter(\.breakdown.passed).count) / Double(max(1, all.count))
        let components: [(String, (RewardBreakdown) -> Double)] = [
            ("format", \.format), ("compiles", \.compiles), ("functional", \.functional), ("structural", \.structural),
        ]
        for (name, value) in components {
            let x = all.map { value($0.breakdown) }
            m["rewards/\(name)/mean"] = Advantages.mean(x)
            m["rewards/\(name)/std"] = Advantages.standardDeviation(x)
        }
        let lengths = all.map { Double($0.completionTokens.count) }
        if let s = GRPOMetrics.summary(lengths) {
            m["completions/mean_length"] = s.mean
            m["completions/min_length"] = s.min
            m["completions/max_length"] = s.max
        }
        let terminated = all.filter { !$0.truncated }.map { Double($0.completionTokens.count) }
        let t = GRPOMetrics.summary(terminated) ?? (0, 0, 0)
        m["completions/mean_terminated_length"] = t.mean
        m["completions/min_terminated_length"] = t.min
        m["completions/max_terminated_length"] = t.max
        m["completions/clipped_ratio"] = Double(all.filter(\.truncated).count) / Double(max(1, all.count))
    }
}
