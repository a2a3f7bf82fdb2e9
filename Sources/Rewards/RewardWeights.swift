import Verilog

/// How a verdict becomes a number. Defaults are VeriReason's scheme: format 0.1; a functional
/// pass 2.0 (the paper; its released code uses 2.1); a design that compiles but fails gets 0.1
/// plus a structural similarity in [0, 1]; one that does not compile gets nothing beyond format.
public struct RewardWeights: Sendable, Hashable, Codable {
    /// Granted when the completion has the shape `answerFormat` names.
    public var format: Double
    /// Granted for a functional pass (scaled by the pass fraction with `partialCredit`).
    public var functional: Double
    /// Granted when the design compiles but fails.
    public var compiles: Double
    /// Multiplies the structural similarity (0...1) of a design that compiles but fails.
    public var structural: Double
    /// Grant `functional x pass fraction` instead of all-or-nothing; it then replaces the
    /// compile and structural tiers.
    public var partialCredit: Bool
    /// The answer shape the format reward asks for: `<think>...</think><answer>` (VeriReason's) or
    /// a fenced block alone (the code prompt format). Set by the run from its prompt format, so
    /// it is not part of a weights file.
    public var answerFormat: AnswerFormat = .thinkAnswer

    enum CodingKeys: String, CodingKey {
        case format, functional, compiles, structural, partialCredit
    }

    public init(
        format: Double = 0.1, functional: Double = 2.0, compiles: Double = 0.1, structural: Double = 1.0,
        partialCredit: Bool = false
    ) {
        self.format = format
        self.functional = functional
        self.compiles = compiles
        self.structural = structural
        self.partialCredit = partialCredit
    }

    /// The structural tier must stay below a functional pass, or the policy would learn to imitate
    /// the reference's shape instead of its behaviour.
    public func validate() throws {
        guard format >= 0, functional > 0, compiles >= 0, structural >= 0 else {
            throw RewardsError.invalidWeights("weights must be non-negative and the functional weight positive")
        }
        guard compiles + structural < functional else {
            throw RewardsError.invalidWeights(
                "compiles (\(compiles)) + structural (\(structural)) must stay below functional (\(functional))")
        }
    }
}
