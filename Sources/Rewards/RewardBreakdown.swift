import Verilog

/// A reward and where each part of it came from.
public struct RewardBreakdown: Sendable, Hashable, Codable {
    public var passed: Bool
    public var reward: Double
    public var format: Double
    public var compiles: Double
    public var functional: Double
    public var structural: Double
    /// Raw structural similarity in 0...1 (before weighting), when computed.
    public var structuralSimilarity: Double?
    public var answerFormat: AnswerFormat
    public var verdict: Verdict

    /// Combines a verdict with the completion's format and structure into a reward.
    public static func make(
        verdict: Verdict, format: AnswerFormat, candidate: String, reference: String?,
        weights: RewardWeights
    ) -> RewardBreakdown {
        // A design caught cheating earns nothing at all, not even for its format.
        let formatReward = format == weights.answerFormat && verdict.verdictClass != .forbidden ? weights.format : 0
        let compiled = verdict.verdictClass.compiled
        let functional =
            verdict.passed
            ? weights.functional
            : (weights.partialCredit && compiled ? weights.functional * verdict.passFraction : 0)
        var compiles = 0.0, structural = 0.0
        var similarity: Double?
        // With partial credit the pass fraction replaces the compile/structure tier, so a failing
        // design always earns less than a passing one.
        if compiled && !verdict.passed && !weights.partialCredit {
            compiles = weights.compiles
            if let reference {
                let s = StructuralSimilarity.score(candidate: candidate, reference: reference)
                similarity = s
                structural = weights.structural * s
            }
        }
        return RewardBreakdown(
            passed: verdict.passed, reward: formatReward + functional + compiles + structural,
            format: formatReward, compiles: compiles, functional: functional, structural: structural,
            structuralSimilarity: similarity, answerFormat: format, verdict: verdict)
    }
}
