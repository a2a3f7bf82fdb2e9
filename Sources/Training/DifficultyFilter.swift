/// Which problems fit the current policy, judged by the rewards of its sampled completions.
///
/// VeriReason keeps problems whose mean reward lies in [0.3, 1.8] with a standard deviation
/// above 0.1: neither hopeless nor already solved, and with differences between samples that the
/// group-normalised advantage can learn from. DAPO's dynamic sampling drops groups whose samples
/// are all right or all wrong (`dropUniform`).
public struct DifficultyFilter: Sendable, Hashable, Codable {
    public var minMean: Double
    public var maxMean: Double
    public var minStandardDeviation: Double
    public var dropUniform: Bool

    public init(minMean: Double = 0.3, maxMean: Double = 1.8, minStandardDeviation: Double = 0.1, dropUniform: Bool = true) {
        self.minMean = minMean
        self.maxMean = maxMean
        self.minStandardDeviation = minStandardDeviation
        self.dropUniform = dropUniform
    }

    /// Why a problem is dropped, or nil when it is kept.
    public func rejection(_ group: GroupRewards) -> Rejection? {
        if group.mean < minMean { return .tooHard }
        if group.mean > maxMean { return .tooEasy }
        if group.standardDeviation <= minStandardDeviation { return .lowVariance }
        if dropUniform && group.isUniform { return group.passed == 0 ? .noneCorrect : .allCorrect }
        return nil
    }

    public enum Rejection: String, Sendable, Hashable, Codable, CaseIterable {
        case tooHard = "mean_below_min"
        case tooEasy = "mean_above_max"
        case lowVariance = "std_not_above_min"
        case noneCorrect = "none_correct"
        case allCorrect = "all_correct"
    }

    enum CodingKeys: String, CodingKey {
        case minMean = "min_mean"
        case maxMean = "max_mean"
        case minStandardDeviation = "min_std"
        case dropUniform = "drop_uniform"
    }
}
