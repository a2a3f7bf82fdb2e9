// Evaluation: samples -> verdicts -> pass@k -> result files and tables. Knows nothing of training.

/// The unbiased pass@k estimator of Chen et al. (2021), exactly as VerilogEval computes it:
/// `1 - C(n-c, k) / C(n, k)` per problem, evaluated as a product to stay stable, and 1 when
/// fewer than k samples fail.
public enum PassAtK {
    public static func estimate(samples n: Int, correct c: Int, k: Int) -> Double {
        precondition(n >= 0 && c >= 0 && c <= n && k >= 1, "pass@k needs 0 <= c <= n and k >= 1")
        if n - c < k { return 1 }
        if c == 0 { return 0 }
        var product = 1.0
        for i in (n - c + 1)...n { product *= 1 - Double(k) / Double(i) }
        return 1 - product
    }

    /// Mean over problems of the per-problem estimate; nil when some problem has fewer than k
    /// samples (upstream reports pass@k only when every problem has n >= k).
    public static func mean(_ counts: [(samples: Int, correct: Int)], k: Int) -> Double? {
        guard !counts.isEmpty, counts.allSatisfy({ $0.samples >= k }) else { return nil }
        return counts.map { estimate(samples: $0.samples, correct: $0.correct, k: k) }.reduce(0, +) / Double(counts.count)
    }
}
