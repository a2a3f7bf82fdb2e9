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

extension TrainableModel {
    /// Completions of one prompt packed into one forward pass: the prompt's rows once, then each
    /// completion's rows (all but its last token) attending to the prompt and to themselves.
    struct PackedGroup {
        let tokens: [Int]
        let targets: [Int]
        let layout: SequenceLayout
        let completions: [[Int]]

        init(prompt: [Int], completions: [[Int]]) {
            precondition(!prompt.isEmpty, "a completion needs a prompt")
            precondition(!completions.isEmpty, "a group has a completion")
            precondition(completions.allSatisfy { !$0.isEmpty }, "every completion has a token")
            self.completions = completions
            layout = SequenceLayout(promptLength: prompt.count, segmentLengths: completions.map { $0.count - 1 })
            tokens = prompt + completions.flatMap { $0.dropLast() }
            // Row t predicts targets[t]; the prompt's last row predicts each completion's first
            // token, which `shared` carries (its entry here is a placeholder).
            targets = Array(prompt.dropFirst()) + [completions[0][0]] + completions.flatMap { $0.dropFirst() }
        }

        var sharedRow: Int { layout.promptLength - 1 }

        /// The row predicting token k of completion i.
        func row(completion i: Int, token k: Int) -> Int { k == 0 ? sharedRow : layout.segments[i].lowerBound + k - 1 }
    }

    /// `completionLogProbs` of several completions of one prompt, the prompt computed once.
    public func groupLogProbs(prompt: [Int], completions: [[Int]], temperature: Float) -> [CompletionLogProbs] {
        let group = PackedGroup(prompt: prompt, completions: completions)
        let a = forward(group.tokens, packing: group.layout)
        return logProbs(of: group, logits: a.logits.pointer, temperature: temperature)
    }

    /// `accumulatePolicyGradient` for several completions of one prompt in one packed forward and
    /// backward pass: `coefficients` gets every completion's log-probabilities and returns dL/d(log π)
    /// per token of each. The gradient equals the sum of the completions' separate ones.
    @discardableResult
    public func accumulateGroupPolicyGradient(
        prompt: [Int], completions: [[Int]], temperature: Float, coefficients: ([CompletionLogProbs]) -> [[Float]]
    ) -> [CompletionLogProbs] {
        precondition(adaptersEnabled || lora == nil, "gradients need the adapters enabled")
        dropoutActive = true
        defer { dropoutActive = false }
        let group = PackedGroup(prompt: prompt, completions: completions)
        let a = forward(group.tokens, packing: group.layout)
        let current = logProbs(of: group, logits: a.logits.pointer, temperature: temperature)
        let c = coefficients(current)
        precondition(c.count == completions.count, "coefficients for every completion")
        var weights = [Float](repeating: 0, count: group.tokens.count)
        var sharedTerms: [(target: Int, weight: Float)] = []
        for (i, completion) in completions.enumerated() {
            precondition(c[i].count == completion.count, "one coefficient per completion token")
            sharedTerms.append((completion[0], -c[i][0]))
            for k in 1..<max(1, completion.count) { weights[group.row(completion: i, token: k)] = -c[i][k] }
        }
        backward(
            group.tokens, targets: group.targets, weights: weights, temperature: temperature, packing: group.layout,
            shared: (group.sharedRow, sharedTerms))
        return current
    }

    private func logProbs(of group: PackedGroup, logits: UnsafePointer<Float>, temperature: Float) -> [CompletionLogProbs] {
        let V = shape.V
        return group.completions.enumerated().map { i, completion in
            let first = tokenLogProbs(
                logits + group.sharedRow * V, targets: [completion[0]], rows: 0..<1, V: V, temperature: temperature)
            let segment = group.layout.segments[i]
            let rest = tokenLogProbs(logits, targets: group.targets, rows: segment, V: V, temperature: temperature)
            return CompletionLogProbs(logProbs: first.logProbs + rest.logProbs, entropies: first.entropies + rest.entropies)
        }
    }
}
