/// What G sampled completions of one problem earned.
public struct GroupRewards: Sendable, Hashable, Codable {
    public var id: String
    public var family: String?
    public var rewards: [Double]
    /// Completions that passed the functional check.
    public var passed: Int
    /// Completions cut off by the token limit.
    public var truncated: Int
    public var meanLength: Double

    public init(id: String, family: String?, rewards: [Double], passed: Int, truncated: Int, meanLength: Double) {
        self.id = id
        self.family = family
        self.rewards = rewards
        self.passed = passed
        self.truncated = truncated
        self.meanLength = meanLength
    }

    public var mean: Double { rewards.isEmpty ? 0 : rewards.reduce(0, +) / Double(rewards.count) }

    /// Sample standard deviation (n - 1), as TRL's `reward_std` reports it; 0 for one sample.
    public var standardDeviation: Double {
        guard rewards.count > 1 else { return 0 }
        let m = mean
        return (rewards.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(rewards.count - 1)).squareRoot()
    }

    /// Every completion passed, or none did: GRPO's group-normalised advantage is then zero for
    /// the functional part, so the group teaches nothing about correctness.
    public var isUniform: Bool { passed == 0 || passed == rewards.count }

    enum CodingKeys: String, CodingKey {
        case id, family, rewards, passed, truncated
        case meanLength = "mean_length"
    }
}
