/// Group-relative advantages: each completion's reward minus its group's mean, scaled as
/// `scale_rewards` says. Standard deviations are unbiased (n − 1), and 1e-4 is added before
/// dividing, as TRL does, so a uniform group gets advantage 0 rather than a division by zero.
public enum Advantages {
    public static func compute(groups: [[Double]], scaling: RewardScaling) -> [[Double]] {
        let batchStd = standardDeviation(groups.flatMap { $0 })
        return groups.map { rewards in
            let m = mean(rewards)
            let scale: Double
            switch scaling {
            case .group: scale = standardDeviation(rewards) + 1e-4
            case .batch: scale = batchStd + 1e-4
            case .none: scale = 1
            }
            return rewards.map { ($0 - m) / scale }
        }
    }

    static func mean(_ x: [Double]) -> Double { x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count) }

    /// Unbiased (n − 1); 0 for fewer than two values.
    static func standardDeviation(_ x: [Double]) -> Double {
        guard x.count > 1 else { return 0 }
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }
}
