import Foundation

/// GRPO's per-token objective (TRL's `_compute_loss`): with ratio ρ = π/π_old and advantage A,
///
///     ℓ = −min(ρ·A, clip(ρ, 1−ε, 1+ε_high)·A) + β·(e^(ref−logπ) − (ref−logπ) − 1)
///
/// (the k3 estimator of KL(π‖π_ref)); tokens are then weighted by the loss type's normalisation.
/// Everything the model contributes goes through log π, so the gradient is dℓ/dlog π per token.
public struct ClippedObjective: Sendable {
    public var epsilonLow: Float
    public var epsilonHigh: Float
    public var beta: Float

    public init(epsilonLow: Float, epsilonHigh: Float, beta: Float) {
        self.epsilonLow = epsilonLow
        self.epsilonHigh = epsilonHigh
        self.beta = beta
    }

    /// One token's loss, its derivative with respect to log π, and what it contributes to the metrics.
    public struct Token: Sendable {
        public var loss: Double
        public var derivative: Float
        public var kl: Double
        /// ρ < 1 − ε with A < 0: the clip stops the token pushing π further down.
        public var clippedLow: Bool
        /// ρ > 1 + ε_high with A > 0.
        public var clippedHigh: Bool
    }

    public func token(logProb: Float, oldLogProb: Float, referenceLogProb: Float?, advantage: Float) -> Token {
        let ratio = exp(Double(logProb - oldLogProb))
        let a = Double(advantage)
        let clipped = min(max(ratio, 1 - Double(epsilonLow)), 1 + Double(epsilonHigh))
        let unclippedTerm = ratio * a
        let clippedTerm = clipped * a
        var loss = -min(unclippedTerm, clippedTerm)
        // The min picks the clipped term only when it is strictly smaller; its derivative is then 0
        // (the clamp is flat there). Otherwise d(−ρA)/dlogπ = −ρA.
        var derivative = clippedTerm < unclippedTerm ? 0 : -unclippedTerm
        var kl = 0.0
        if beta != 0, let reference = referenceLogProb {
            let delta = Double(reference - logProb)
            kl = exp(delta) - delta - 1
            loss += Double(beta) * kl
            derivative += Double(beta) * (1 - exp(delta))
        }
        return Token(
            loss: loss, derivative: Float(derivative), kl: kl, clippedLow: ratio < 1 - Double(epsilonLow) && a < 0,
            clippedHigh: ratio > 1 + Double(epsilonHigh) && a > 0)
    }
}

extension GRPOLossType {
    /// The weight of each token of completion `i` in the summed loss, given every completion's
    /// number of loss-carrying tokens (0 for a masked one).
    public func tokenWeights(lossTokens: [Int], maxCompletionLength: Int) -> [Float] {
        let sequences = lossTokens.count
        let total = lossTokens.reduce(0, +)
        return lossTokens.map { n in
            guard n > 0, sequences > 0 else { return 0 }
            switch self {
            case .grpo: return 1 / Float(n * sequences)
            case .bnpo, .dapo: return 1 / Float(max(1, total))
            case .drGRPO: return 1 / Float(sequences * maxCompletionLength)
            }
        }
    }
}
