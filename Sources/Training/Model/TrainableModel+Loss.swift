extension TrainableModel {
    /// The inputs, next-token targets and per-row weights of a sequence: rows predict
    /// tokens[1...], weighted `weight` where the mask says so.
    private func rows(_ sequence: TrainingSequence, weight: Float) -> (inputs: [Int], targets: [Int], weights: [Float]) {
        let inputs = Array(sequence.tokens.dropLast())
        let targets = Array(sequence.tokens.dropFirst())
        let weights = sequence.lossMask.dropFirst().map { $0 ? weight : 0 }
        return (inputs, targets, weights)
    }

    /// Summed cross-entropy over the sequence's loss tokens (no gradients).
    public func loss(_ sequence: TrainingSequence) -> LossSum {
        guard sequence.tokens.count > 1 else { return LossSum() }
        let (inputs, targets, weights) = rows(sequence, weight: 1)
        let a = forward(inputs)
        var losses = [Double](repeating: 0, count: inputs.count)
        crossEntropyForward(&losses, a.logits.pointer, targets: targets, T: inputs.count, V: shape.V)
        var sum = LossSum()
        for (l, w) in zip(losses, weights) where w != 0 {
            sum.total += l
            sum.tokens += 1
        }
        return sum
    }

    /// Forward and backward of one sequence: gradients of `weight` × (summed loss) accumulate
    /// into the trainable gradients (pass 1 / tokens-in-batch to get the batch mean).
    @discardableResult
    public func accumulateGradients(_ sequence: TrainingSequence, weight: Float) -> LossSum {
        guard sequence.tokens.count > 1 else { return LossSum() }
        precondition(adaptersEnabled || lora == nil, "gradients need the adapters enabled")
        dropoutActive = true
        defer { dropoutActive = false }
        let sum = loss(sequence)
        let (inputs, targets, weights) = rows(sequence, weight: weight)
        backward(inputs, targets: targets, weights: weights)
        return sum
    }
}
