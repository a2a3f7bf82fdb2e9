import Foundation
import Policy

/// One row of `metrics.jsonl`: a training step (loss, learning rate...) or the final
/// evaluation (`eval_loss`), with TRL's metric names.
public struct SFTMetrics: Sendable, Hashable, Codable {
    public var step: Int
    public var epoch: Double
    public var loss: Double?
    public var learningRate: Double?
    public var gradNorm: Double?
    public var tokensPerSecond: Double?
    public var stepTime: Double?
    public var evalLoss: Double?

    enum CodingKeys: String, CodingKey {
        case step, epoch, loss
        case learningRate = "learning_rate"
        case gradNorm = "grad_norm"
        case tokensPerSecond = "tokens_per_second"
        case stepTime = "step_time"
        case evalLoss = "eval_loss"
    }
}

/// Supervised fine-tuning: examples through the chat template, loss on response tokens only,
/// AdamW on LoRA adapters (or every weight), a held-out evaluation loss, metrics and PEFT
/// checkpoints in the output folder.
public final class SFTTrainer {
    public let config: SFTConfig
    public let model: TrainableModel
    let optimizer: Optimizer
    let train: [TrainingSequence]
    let eval: [TrainingSequence]
    let totalSteps: Int
    let stepsPerEpoch: Int
    /// Examples dropped because prompt and response together are longer than `maxLength`.
    public let droppedExamples: Int

    /// `trainable` continues training an existing model (the SFT stage of `train`); nil starts
    /// one from `language` with `config.lora`.
    public init(
        model language: LanguageModel, examples: [SFTExample], config: SFTConfig, dataPath: String,
        trainable: TrainableModel? = nil
    ) throws {
        try config.validate()
        self.config = config
        var rng = RandomSource(seed: config.seed)
        let encoded = examples.compactMap {
            $0.encode(tokenizer: language.tokenizer, template: language.chatTemplate, maxLength: config.maxLength)
        }
        droppedExamples = examples.count - encoded.count
        guard !encoded.isEmpty else {
            throw TrainingError.noExamples(
                path: dataPath, reason: "no row fits in \(config.maxLength) tokens (prompt and response together)")
        }
        let shuffled = encoded.shuffled(using: &rng)
        let evalCount =
            config.evalSplit > 0 && shuffled.count > 1
            ? min(shuffled.count - 1, max(1, Int((Double(shuffled.count) * config.evalSplit).rounded()))) : 0
        eval = Array(shuffled.prefix(evalCount))
        train = Array(shuffled.dropFirst(evalCount))
        let perUpdate = config.batchSize * config.gradientAccumulationSteps
        stepsPerEpoch = (train.count + perUpdate - 1) / perUpdate
        totalSteps = config.maxSteps ?? config.epochs * stepsPerEpoch
        model = trainable ?? TrainableModel(model: language, lora: config.lora, seed: config.seed)
        optimizer = Optimizer(
            model: model, adamW: config.adamW,
            schedule: LearningRateSchedule(
                kind: config.schedule, peak: config.learningRate, warmupSteps: config.warmupSteps, totalSteps: totalSteps),
            maxGradientNorm: config.maxGradientNorm)
    }

    /// Training and held-out example counts, and the number of updates the run will take.
    public var plan: (train: Int, eval: Int, steps: Int) { (train.count, eval.count, totalSteps) }

    /// Mean loss per response token over the held-out examples (nil when there are none).
    public func evaluate() -> Double? {
        guard !eval.isEmpty else { return nil }
        return eval.map(model.loss).reduce(LossSum(), +).mean
    }

    /// Runs every update, calling `onStep` after each and `checkpoint` with the step number
    /// every `saveSteps` and at the end; returns the metrics rows, the last being the
    /// evaluation.
    public func run(onStep: (SFTMetrics) throws -> Void, checkpoint: (Int) throws -> Void) throws -> [SFTMetrics] {
        var rows: [SFTMetrics] = []
        var rng = RandomSource(seed: config.seed &+ 1)
        var order: [Int] = []
        var cursor = 0
        var epoch = 0
        func nextSequence() -> TrainingSequence {
            if cursor == order.count {
                // Each epoch sees every example once, in a fresh seeded order.
                order = Array(train.indices).shuffled(using: &rng)
                cursor = 0
                epoch += 1
            }
            cursor += 1
            return train[order[cursor - 1]]
        }
        for step in 1...totalSteps {
            let start = Date()
            let batch = (0..<(config.batchSize * config.gradientAccumulationSteps)).map { _ in nextSequence() }
            model.reseedDropout(config.seed ^ (0x5F70_0000_0000 &+ UInt64(step)))
            let lossTokens = max(1, batch.reduce(0) { $0 + $1.lossTokenCount })
            var loss = LossSum()
            for sequence in batch {
                loss = loss + model.accumulateGradients(sequence, weight: 1 / Float(lossTokens))
            }
            let (lr, norm) = optimizer.step()
            let seconds = Date().timeIntervalSince(start)
            let tokens = batch.reduce(0) { $0 + $1.tokens.count - 1 }
            let row = SFTMetrics(
                step: step, epoch: Double(epoch - 1) + Double(cursor) / Double(max(1, train.count)), loss: loss.mean,
                learningRate: Double(lr), gradNorm: Double(norm), tokensPerSecond: Double(tokens) / max(seconds, 1e-9),
                stepTime: seconds)
            rows.append(row)
            try onStep(row)
            if let every = config.evalSteps, step % every == 0, step != totalSteps, let loss = evaluate() {
                let evaluation = SFTMetrics(step: step, epoch: row.epoch, evalLoss: loss)
                rows.append(evaluation)
                try onStep(evaluation)
            }
            if let every = config.saveSteps, step % every == 0, step != totalSteps { try checkpoint(step) }
        }
        try checkpoint(totalSteps)
        let final = SFTMetrics(step: totalSteps, epoch: rows.last?.epoch ?? 0, evalLoss: evaluate())
        rows.append(final)
        try onStep(final)
        return rows
    }
}
