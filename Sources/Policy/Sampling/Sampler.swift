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
            for t in Set(history) where t >= 0 && t < V {
                logits[t] = logits[t] > 0 ? logits[t] / parameters.repetitionPenalty : logits[t] * parameters.repetitionPenalty
            }
        }
        let temperature = parameters.temperature
        // Log-softmax at the sampling temperature (1 for greedy).
        let inverse = temperature > 0 ? 1 / temperature : 1
        var best = 0
        for i in 1..<V where logits[i] > logits[best] { best = i }
        let maxValue = logits[best] * inverse
        let total = logits.withUnsafeBufferPointer { sumOfExp($0.baseAddress!, V, scale: inverse, shift: maxValue) }
        let logSum = log(total) + maxValue
        func logProb(_ t: Int) -> Float { logits[t] * inverse - logSum }
        if temperature <= 0 { return (best, logProb(best)) }

        // Candidates and their probabilities. Top-k renormalises over the k best (bounded
        // selection, k is small). Top-p alone needs only the tokens of the nucleus, which for a
        // language model's peaked distributions are a few dozen: the k best for k = 64, 256, 1024
        // until they hold the mass (a flatter one is sorted whole), rather than sorting the
        // vocabulary for every token.
        var candidates: [Int]
        var probs: [Float]
        if parameters.topK > 0 && parameters.topK < V {
            candidates = topIndices(logits, k: parameters.topK)
            probs = candidates.map { fastExp(logits[$0] * inverse - maxValue) }
            let mass = probs.reduce(0, +)
            probs = probs.map { $0 / mass }
        } else if parameters.topP < 1 {
            var k = 64
            repeat {
                candidates = topIndices(logits, k: k)
                probs = candidates.map { fastExp(logits[$0] * inverse - maxValue) / total }
                k *= 4
            } while probs.reduce(0, +) < parameters.topP && k <= 1024
            if probs.reduce(0, +) < parameters.topP {
                candidates = Array(0..<V)
                candidates.sort { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }
                probs = candidates.map { fastExp(logits[$0] * inverse - maxValue) / total }
            }
        } else {
            // The whole distribution: no order is needed to draw from it.
            candidates = Array(0..<V)
            probs = candidates.map { fastExp(logits[$0] * inverse - maxValue) / total }
        }
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
        let chosen = candidates[Self.draw(probs, rng.unit())]
        return (chosen, logProb(chosen))
    }

    /// The index that `u` in [0, 1) picks from probabilities summing to about 1. The target is
    /// scaled by their sum taken in the walk's own order, so float rounding of a long tail cannot
    /// leave it beyond the running sum; the fallback is the last index of nonzero probability.
    static func draw(_ probs: [Float], _ u: Float) -> Int {
        let target = u * probs.reduce(0, +)
        var cumulative: Float = 0
        for (i, p) in probs.enumerated() {
            cumulative += p
            if target < cumulative { return i }
        }
        return probs.lastIndex { $0 > 0 } ?? 0
    }

    /// Σ exp(x[i] * scale - shift), vectorized: the log-softmax runs over the whole vocabulary
    /// for every token of every completion.
    func sumOfExp(_ x: UnsafePointer<Float>, _ n: Int, scale: Float, shift: Float) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            acc += exp8(load8(x + i) * scale - shift)
            i += 8
        }
        var sum = acc.sum()
        while i < n {
            sum += fastExp(x[i] * scale - shift)
            i += 1
        }
        return sum
    }

    /// Indices of the k largest values, largest first (ties: lower index first).
    func topIndices(_ values: [Float], k: Int) -> [Int] {
        // Kept sorted descending; a new value enters only if it beats the current k-th.
        var top: [Int] = []
        top.reserveCapacity(k + 1)
        for i in values.indices {
            let v = values[i]
            if top.count == k, v <= values[top[k - 1]] { continue }
            var lo = 0
            var hi = top.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[top[mid]] >= v { lo = mid + 1 } else { hi = mid }
            }
            top.insert(i, at: lo)
            if top.count > k { top.removeLast() }
        }
        return top
    }
}
