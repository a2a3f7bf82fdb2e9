/// One training example as tokens, with the positions whose token carries loss: `lossMask[i]`
/// true means the model is trained to predict `tokens[i]` from `tokens[..<i]` (SFT: the
/// response tokens; the prompt carries none).
public struct TrainingSequence: Sendable, Hashable {
    public var tokens: [Int]
    public var lossMask: [Bool]

    public init(tokens: [Int], lossMask: [Bool]) {
        self.tokens = tokens
        self.lossMask = lossMask
    }

    /// Tokens that carry loss.
    public var lossTokenCount: Int { lossMask.dropFirst().filter { $0 }.count }
}

/// Summed loss over some tokens, and how many.
public struct LossSum: Sendable, Hashable {
    public var total: Double = 0
    public var tokens = 0

    public init(total: Double = 0, tokens: Int = 0) {
        self.total = total
        self.tokens = tokens
    }

    /// The mean per token (0 for none).
    public var mean: Double { tokens == 0 ? 0 : total / Double(tokens) }

    public static func + (a: LossSum, b: LossSum) -> LossSum { LossSum(total: a.total + b.total, tokens: a.tokens + b.tokens) }
}
