import Foundation

/// One row of a GRPO run's `metrics.jsonl`: TRL's metric names (`reward`, `reward_std`,
/// `rewards/{name}/mean`, `frac_reward_zero_std`, `completions/mean_length`, `kl`, `entropy`,
/// `clip_ratio/region_mean`, `loss`, `grad_norm`, `learning_rate`, ...) to values, written as
/// one JSON object with sorted keys.
public struct GRPOMetrics: Sendable, Hashable, Codable {
    public var values: [String: Double]

    public init(_ values: [String: Double] = [:]) { self.values = values }

    public subscript(name: String) -> Double? {
        get { values[name] }
        set { values[name] = newValue }
    }

    public var step: Int { Int(values["step"] ?? 0) }

    public init(from decoder: Decoder) throws { values = try decoder.singleValueContainer().decode([String: Double].self) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(values)
    }

    /// Mean, min and max of some values under TRL's suffixes (`prefix/mean_length` etc. are the
    /// caller's names); nil entries when there are none.
    static func summary(_ x: [Double]) -> (mean: Double, min: Double, max: Double)? {
        guard let lo = x.min(), let hi = x.max() else { return nil }
        return (x.reduce(0, +) / Double(x.count), lo, hi)
    }
}
