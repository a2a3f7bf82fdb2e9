/// The update rule of a run: AdamW on the model's trainable buffer (adapters or all weights),
/// with gradient clipping and a learning-rate schedule. Gradient accumulation is the caller's
/// loop: any number of `accumulateGradients` calls between two `step`s.
public final class Optimizer {
    public let schedule: LearningRateSchedule
    public let maxGradientNorm: Float
    let adam: AdamW
    let model: TrainableModel

    public init(
        model: TrainableModel, adamW: AdamWConfig = AdamWConfig(), schedule: LearningRateSchedule, maxGradientNorm: Float = 1
    ) {
        self.model = model
        self.schedule = schedule
        self.maxGradientNorm = maxGradientNorm
        adam = AdamW(config: adamW, count: model.trainable.parameters.count)
    }

    /// Updates taken so far.
    public var stepCount: Int { adam.step }

    /// Clips, updates and zeroes the gradients; returns the learning rate used and the
    /// gradient norm before clipping.
    @discardableResult
    public func step() -> (learningRate: Float, gradientNorm: Float) {
        let (parameters, gradients) = model.trainable
        let norm = clipGradientNorm(gradients, maxNorm: maxGradientNorm)
        let lr = schedule.rate(at: adam.step)
        adam.update(parameters, gradients, lr: lr)
        gradients.zero()
        return (lr, norm)
    }

    /// Counts an update that had no gradient (every group of a GRPO batch uniform): the schedule
    /// moves on, the weights and moments stay.
    public func skip() {
        adam.skip()
        model.trainable.gradients.zero()
    }

    /// The optimizer's state for a checkpoint: updates taken and AdamW's two moments.
    public var state: (step: Int, m: [Float], v: [Float]) { (adam.step, adam.m.array(), adam.v.array()) }

    /// Puts back a state saved by `state` (a resumed run).
    public func restore(step: Int, m: [Float], v: [Float]) throws {
        guard m.count == adam.m.count, v.count == adam.v.count else {
            throw TrainingError.invalidSettings(
                "the checkpoint's optimizer state has \(m.count) values, this model trains \(adam.m.count)")
        }
        adam.restore(step: step, m: m, v: v)
    }
}
