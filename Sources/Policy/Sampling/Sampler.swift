import Foundation

/// Picks the next token from logits: repetition penalty, temperature, top-k, top-p, then a
/// draw from the seeded generator (or argmax at temperature 0).
struct Sampler {
    let parameters: SamplingParameters

    /// The chosen token and its log-probability under the temperature-scaled distribution
    /// (before top-k/top-p truncation), which is what policy-gradient training needs.
    func sample(_ logitsIn: UnsafeBufferPointer<Float>, history: [Int], rng: inout RandomSource) -> (token: Int, logProb: Float) {
        var logits = Array(logitsIn)
        let V = logits.count
        if parameters.repetitionPenalty != 1 {
            for t in Set(history) where t < V {
                logits[t] = logits[t] > 0 ? logits[t] / parameters.repetitionPenalty : logits[t] * parameters.repetitionPenalty
            }
        }
        let temperature = parameters.temperature
        // Log-softmax at the sampling temperature (1 for greedy).
        let scaled = temperature > 0 ? logits.map { $0 / temperature } : logits
        let maxValue = scaled.max() ?? 0
        let logSum = log(scaled.reduce(Float(0)) { $0 + expf($1 - maxValue) }) + maxValue
        if temperature <= 0 {
            let best = logits.indices.max { logits[$0] < logits[$1] } ?? 0
            return (best, scaled[best] - logSum)
        }
        var candidates = Array(0..<V)
        if parameters.topK > 0 && parameters.topK < V {
            candidates = Array(candidates.sorted { scaled[$0] > scaled[$1] }.prefix(parameters.topK))
        } else {
            candidates.sort { scaled[$0] > scaled[$1] }
        }
        var probs = candidates.map { expf(scaled[$0] - maxValue) }
        let total = probs.reduce(0, +)
        probs = probs.map { $0 / total }
        if parameters.topP < 1 {
            var cumulative: Float = 0
            var keep = probs.count
            for (i, p) in probs.enumerated() {
                cumulative += p
                if cumulative >= parameters.topP {
                    keep = i + 1
                    break
                }
            }
            candidates = Array(candidates.prefix(keep))
            probs = Array(probs.prefix(keep))
            let kept = probs.reduce(0, +)
            probs = probs.map { $0 / kept }
        }
        let u = rng.unit()
        var cumulative: Float = 0
        for (i, p) in probs.enumerated() {
            cumulative += p
            if u < cumulative { return (candidates[i], scaled[candidates[i]] - logSum) }
        }
        let last = candidates[candidates.count - 1]
        return (last, scaled[last] - logSum)
    }
}
