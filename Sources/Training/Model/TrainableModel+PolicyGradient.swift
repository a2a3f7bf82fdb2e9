extension TrainableModel {
    /// Per-token statistics of a completion under the model at a sampling temperature.
    public struct CompletionLogProbs: Sendable {
        /// log π(token | prefix) of each completion token.
        public var logProbs: [Float]
        /// The entropy of π(· | prefix) at each completion position.
        public var entropies: [Float]
    }

    /// The log-probability of each completion token (`tokens[promptLength...]`) given its prefix,
    /// with the logits divided by `temperature`; forward only.
    public func completionLogProbs(_ tokens: [Int], promptLength: Int, temperature: Float) -> CompletionLogProbs {
        precondition(promptLength >= 1 && promptLength < tokens.count, "a completion needs a prompt and a token")
        let inputs = Array(tokens.dropLast())
        let targets = Array(tokens.dropFirst())
        let a = forward(inputs)
        // Row t predicts tokens[t + 1], so completion token k comes from row promptLength - 1 + k.
        let (logProbs, entropies) = tokenLogProbs(
            a.logits.pointer, targets: targets, rows: (promptLength - 1)..<inputs.count, V: shape.V, temperature: temperature)
        return CompletionLogProbs(logProbs: logProbs, entropies: entropies)
    }

    /// One sequence of a policy-gradient step: a forward pass gives the completion's current
    /// log-probabilities, `coefficients` turns them into dL/d(log π) per completion token (the
    /// objective's only dependence on the model), and the backward pass accumulates the
    /// gradients of L. Returns the log-probabilities the coefficients were computed from.
    @discardableResult
    public func accumulatePolicyGradient(
        _ tokens: [Int], promptLength: Int, temperature: Float, coefficients: (CompletionLogProbs) -> [Float]
    ) -> CompletionLogProbs {
        precondition(adaptersEnabled || lora == nil, "gradients need the adapters enabled")
        dropoutActive = true
        defer { dropoutActive = false }
        let current = completionLogProbs(tokens, promptLength: promptLength, temperature: temperature)
        let c = coefficients(current)
        precondition(c.count == current.logProbs.count, "one coefficient per completion token")
        let inputs = Array(tokens.dropLast())
        let targets = Array(tokens.dropFirst())
        // d(−log p) weighted by −c is d(c · log p).
        var weights = [Float](repeating: 0, count: inputs.count)
        for (k, value) in c.enumerated() { weights[promptLength - 1 + k] = -value }
        backward(inputs, targets: targets, weights: weights, temperature: temperature)
        return current
    }
}
