import Benchmarks
import Foundation
import Policy
import Rewards
import TestSupport
import Testing

@testable import Training

@Suite("GRPO: advantages, the clipped objective and its gradient")
struct GRPOObjectiveTests {
    @Test("advantages: centred per group, scaled by the group's, the batch's or no standard deviation")
    func advantages() {
        let groups: [[Double]] = [[0, 2, 4], [1, 1, 1]]
        let byGroup = Advantages.compute(groups: groups, scaling: .group)
        #expect(abs(byGroup[0][0] - (-2 / (2 + 1e-4))) < 1e-12)
        #expect(abs(byGroup[0][2] - 2 / (2 + 1e-4)) < 1e-12)
        #expect(byGroup[1] == [0, 0, 0], "a uniform group has zero advantage, not a division by zero")
        let unscaled = Advantages.compute(groups: groups, scaling: .none)
        #expect(unscaled[0] == [-2, 0, 2])
        let byBatch = Advantages.compute(groups: groups, scaling: .batch)
        let batchStd = Advantages.standardDeviation([0, 2, 4, 1, 1, 1])
        #expect(abs(byBatch[0][2] - 2 / (batchStd + 1e-4)) < 1e-12)
    }

    @Test("loss types weight tokens as TRL does: per completion, per batch token, per fixed length")
    func lossTypes() {
        let tokens = [2, 6, 0]
        #expect(GRPOLossType.grpo.tokenWeights(lossTokens: tokens, maxCompletionLength: 10) == [1 / 6, 1 / 18, 0])
        #expect(GRPOLossType.bnpo.tokenWeights(lossTokens: tokens, maxCompletionLength: 10) == [1 / 8, 1 / 8, 0])
        #expect(GRPOLossType.dapo.tokenWeights(lossTokens: tokens, maxCompletionLength: 10) == [1 / 8, 1 / 8, 0])
        #expect(GRPOLossType.drGRPO.tokenWeights(lossTokens: tokens, maxCompletionLength: 10) == [1 / 30, 1 / 30, 0])
    }

    @Test("the clip stops the gradient only on the side the advantage pushes; k3 KL is zero at the reference")
    func clipping() {
        let objective = ClippedObjective(epsilonLow: 0.2, epsilonHigh: 0.28, beta: 0)
        let up = objective.token(logProb: log(1.5), oldLogProb: 0, referenceLogProb: nil, advantage: 1)
        #expect(up.clippedHigh && up.derivative == 0 && abs(up.loss + 1.28) < 1e-6)
        let upButHurting = objective.token(logProb: log(1.5), oldLogProb: 0, referenceLogProb: nil, advantage: -1)
        #expect(!upButHurting.clippedHigh && abs(upButHurting.derivative - 1.5) < 1e-6)
        let down = objective.token(logProb: log(0.5), oldLogProb: 0, referenceLogProb: nil, advantage: -1)
        #expect(down.clippedLow && down.derivative == 0)
        let inside = objective.token(logProb: 0.1, oldLogProb: 0, referenceLogProb: nil, advantage: 2)
        #expect(abs(inside.derivative + 2 * Float(exp(0.1))) < 1e-5)
        let kl = ClippedObjective(epsilonLow: 0.2, epsilonHigh: 0.2, beta: 0.5)
        #expect(kl.token(logProb: -1, oldLogProb: -1, referenceLogProb: -1, advantage: 0).kl == 0)
        let apart = kl.token(logProb: -1, oldLogProb: -1, referenceLogProb: -2, advantage: 0)
        #expect(abs(apart.kl - (exp(-1) + 1 - 1)) < 1e-9)
        #expect(abs(Double(apart.derivative) - 0.5 * (1 - exp(-1))) < 1e-6)
    }

    /// The GRPO loss of one completion, as a function of the model alone.
    static func objectiveLoss(
        _ model: TrainableModel, tokens: [Int], promptLength: Int, old: [Float], reference: [Float], advantage: Float,
        objective: ClippedObjective, weight: Float, temperature: Float
    ) -> Double {
        let current = model.completionLogProbs(tokens, promptLength: promptLength, temperature: temperature).logProbs
        return current.indices.reduce(0.0) { sum, t in
            sum
                + objective.token(
                    logProb: current[t], oldLogProb: old[t], referenceLogProb: reference[t], advantage: advantage
                ).loss * Double(weight)
        }
    }

    @Test(
        "the policy-gradient backward pass matches finite differences of the clipped objective with KL",
        arguments: TinyModels.names)
    func gradient(name: String) throws {
        let model = try TinyModels.trainable(name, lora: LoRAConfig(rank: 4, alpha: 8))
        let adapters = try #require(model.lora)
        var rng = RandomSource(seed: 9)
        for i in 0..<adapters.parameters.count { adapters.parameters[i] += Float.random(in: -0.05...0.05, using: &rng) }
        let sequence = TinyModels.sequence(length: 14, vocabulary: model.shape.V, seed: 4).tokens
        let promptLength = 6
        let temperature: Float = 0.7
        let start = model.completionLogProbs(sequence, promptLength: promptLength, temperature: temperature).logProbs
        // Ratios well inside and well outside the clip range, on both sides, and a reference
        // some way off, so every branch of the objective is exercised away from its kinks.
        let offsets: [Float] = [0.5, -0.5, 0.03, -0.04, 0.6, -0.7, 0.02, 0.5]
        let old = start.indices.map { start[$0] - offsets[$0 % offsets.count] }
        let reference = start.map { $0 - 0.3 }
        let objective = ClippedObjective(epsilonLow: 0.2, epsilonHigh: 0.28, beta: 0.1)
        for advantage: Float in [1.3, -0.8] {
            model.zeroGradients()
            let weight: Float = 0.25
            model.accumulatePolicyGradient(sequence, promptLength: promptLength, temperature: temperature) { current in
                current.logProbs.indices.map { t in
                    objective.token(
                        logProb: current.logProbs[t], oldLogProb: old[t], referenceLogProb: reference[t],
                        advantage: advantage
                    ).derivative * weight
                }
            }
            var direction = RandomSource(seed: 21)
            let d = (0..<adapters.parameters.count).map { _ in Float.random(in: -1...1, using: &direction) }
            let analytic = d.indices.reduce(0.0) { $0 + Double(adapters.gradients[$1]) * Double(d[$1]) }
            let epsilon: Float = 1e-3
            func shifted(_ sign: Float) -> Double {
                for i in d.indices { adapters.parameters[i] += sign * epsilon * d[i] }
                defer { for i in d.indices { adapters.parameters[i] -= sign * epsilon * d[i] } }
                return Self.objectiveLoss(
                    model, tokens: sequence, promptLength: promptLength, old: old, reference: reference,
                    advantage: advantage, objective: objective, weight: weight, temperature: temperature)
            }
            let numeric = (shifted(1) - shifted(-1)) / Double(2 * epsilon)
            let error = worstRelativeError([analytic], [numeric])
            #expect(error < 2e-2, "\(name) A=\(advantage): analytic \(analytic), numeric \(numeric)")
            #expect(abs(analytic) > 1e-4, "the check must not compare two zeros")
        }
    }
}

@Suite("GRPO: the policy between updates")
struct GRPOPolicyTests {
    @Test("the engine built from merged weights computes the trained model's logits; merging keeps them")
    func mergedWeights() throws {
        for name in TinyModels.names {
            let base = try TinyModels.language(name)
            let model = try TinyModels.trainable(name, lora: LoRAConfig(rank: 4, alpha: 8))
            let adapters = try #require(model.lora)
            var rng = RandomSource(seed: 3)
            for i in 0..<adapters.parameters.count { adapters.parameters[i] += Float.random(in: -0.05...0.05, using: &rng) }
            let tokens = TinyModels.sequence(vocabulary: model.shape.V).tokens
            let trained = model.logits(tokens)
            model.adaptersEnabled = false
            let baseLogits = model.logits(tokens)
            model.adaptersEnabled = true
            #expect(worstRelativeError(trained.map(Double.init), baseLogits.map(Double.init)) > 1e-3, "the adapters matter")
            let engine = try LanguageModel(base: base, weights: model.mergedWeights(), decoding: nil)
            let engineLogits = engine.logits(tokens)
            let last = Array(trained.suffix(model.shape.V))
            let gap = zip(engineLogits.suffix(model.shape.V), last).map { abs($0 - $1) }.max() ?? 1
            // The engine rounds K and V to f16 in its cache; the rest is the same fp32 arithmetic.
            #expect(gap < 2e-2, "\(name): largest logit gap \(gap)")
            model.mergeAdapters(seed: 1)
            let merged = model.logits(tokens)
            #expect(zip(merged, trained).map { abs($0 - $1) }.max() ?? 1 < 1e-3, "\(name): merging changed the model")
            model.adaptersEnabled = false
            let newReference = model.logits(tokens)
            #expect(
                zip(newReference, trained).map { abs($0 - $1) }.max() ?? 1 < 1e-3, "\(name): adapters off is now the merged model"
            )
        }
    }
}

@Suite("GRPO: training runs")
struct GRPOTrainerTests {
    /// A toy reward the tiny random model can learn: partial credit for the share of vowels in
    /// the completion's text.
    static let vowels: @Sendable (Problem, [String]) -> [RewardBreakdown] = { _, texts in
        var weights = RewardWeights()
        weights.partialCredit = true
        return texts.map { text in
            let letters = text.filter(\.isLetter)
            let share = letters.isEmpty ? 0 : Double(letters.filter { "aeiou".contains($0) }.count) / Double(letters.count)
            return RewardBreakdown.make(
                verdict: Verdict(verdictClass: .mismatch, passFraction: share, checker: "toy"), format: .none,
                candidate: text, reference: nil, weights: weights)
        }
    }

    static func config() -> GRPOConfig {
        var c = GRPOConfig()
        c.numGenerations = 6
        c.batchSize = 2
        c.maxCompletionLength = 12
        // Twelve tokens cut most completions short: they must still carry loss here.
        c.maskTruncatedCompletions = false
        // The toy reward never passes, so the pass band would leave out every group.
        c.dynamicSampling = false
        c.temperature = 1
        c.repetitionPenalty = 1
        c.learningRate = 5e-3
        c.lrSchedulerType = .constant
        c.loraRank = 4
        c.loraAlpha = 8
        c.beta = 0.01
        return c
    }

    static func trainer(_ config: GRPOConfig, name: String = "tiny-qwen2") throws -> GRPOTrainer {
        let base = try TinyModels.language(name)
        let model = TrainableModel(model: base, lora: config.lora, seed: config.seed)
        let problems = try ["counter4", "mux4"].map { try Fixtures.exampleProblem($0) }
        return try GRPOTrainer(base: base, model: model, problems: problems, score: vowels, config: config)
    }

    @Test("a run raises a learnable reward and logs TRL's metrics each step")
    func learns() async throws {
        var config = Self.config()
        config.maxSteps = 8
        let trainer = try Self.trainer(config)
        // The same held-out draws (a batch index training never reaches) before and after.
        func heldOutReward() async throws -> Double {
            let groups = try await trainer.generate(batch: 10_000) { _ in }
            return Advantages.mean(groups.flatMap(\.rewards))
        }
        let before = try await heldOutReward()
        var rows: [GRPOMetrics] = []
        while !trainer.isFinished { rows.append(try await trainer.runStep()) }
        #expect(rows.map(\.step) == Array(1...8))
        for key in [
            "reward", "reward_std", "frac_reward_zero_std", "rewards/functional/mean", "rewards/format/std", "kl",
            "entropy", "clip_ratio/region_mean", "clip_ratio/low_mean", "clip_ratio/high_mean", "loss", "grad_norm",
            "learning_rate", "completions/mean_length", "completions/clipped_ratio", "num_tokens", "epoch",
        ] {
            #expect(rows.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let after = try await heldOutReward()
        #expect(after > before + 0.3, "held-out reward \(before) -> \(after); per step \(rows.map { $0["reward"]! })")
        #expect(rows.dropFirst().contains { $0["kl"]! > 0 }, "the policy moves away from the reference")
    }
}
