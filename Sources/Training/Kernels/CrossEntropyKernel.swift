import Foundation

// Cross-entropy of next-token logits against targets, with a per-row weight: 0 for rows that
// carry no loss (the prompt), else typically 1 / (tokens with loss in the batch), so that
// accumulating over a batch's sequences gives the mean over its chosen tokens.

/// −log softmax(logits)[target] for each of T rows (V logits each), in Double.
func crossEntropyForward(_ losses: inout [Double], _ logits: UnsafePointer<Float>, targets: [Int], T: Int, V: Int) {
    for t in 0..<T {
        let row = logits + t * V
        var maxValue = -Float.infinity
        for i in 0..<V where row[i] > maxValue { maxValue = row[i] }
        var sum: Double = 0
        for i in 0..<V { sum += Double(expf(row[i] - maxValue)) }
        losses[t] = log(sum) + Double(maxValue) - Double(row[targets[t]])
    }
}

/// log softmax(logits / temperature)[target] and the entropy of softmax(logits / temperature)
/// for each of T rows: a policy's token log-probabilities as GRPO sees them (TRL divides the
/// logits by the sampling temperature before the softmax).
func tokenLogProbs(
    _ logits: UnsafePointer<Float>, targets: [Int], rows: Range<Int>, V: Int, temperature: Float
) -> (logProbs: [Float], entropies: [Float]) {
    var logProbs: [Float] = []
    var entropies: [Float] = []
    let inv = Double(1 / temperature)
    for t in rows {
        let row = logits + t * V
        var maxValue = -Float.infinity
        for i in 0..<V where row[i] > maxValue { maxValue = row[i] }
        var sum: Double = 0
        var weighted: Double = 0
        for i in 0..<V {
            let z = Double(row[i] - maxValue) * inv
            let e = exp(z)
            sum += e
            weighted += e * z
        }
        let logSum = log(sum)
        logProbs.append(Float(Double(row[targets[t]] - maxValue) * inv - logSum))
        // H = log Σe^z − Σ p z.
        entropies.append(Float(logSum - weighted / sum))
    }
    return (logProbs, entropies)
}

/// dlogits (T, V) = weight[t] / temperature · (softmax(logits / temperature) − onehot(target)),
/// overwritten: the gradient of Σ_t weight[t] · (−log p_t) with p at that temperature.
func crossEntropyBackward(
    _ dlogits: UnsafeMutablePointer<Float>, _ logits: UnsafePointer<Float>, targets: [Int], weights: [Float], T: Int, V: Int,
    temperature: Float = 1
) {
    for t in 0..<T {
        let row = logits + t * V
        let d = dlogits + t * V
        let w = weights[t]
        guard w != 0 else {
            d.update(repeating: 0, count: V)
            continue
        }
        var maxValue = -Float.infinity
        for i in 0..<V where row[i] > maxValue { maxValue = row[i] }
        let inv = 1 / temperature
        var sum: Float = 0
        for i in 0..<V {
            d[i] = expf((row[i] - maxValue) * inv)
            sum += d[i]
        }
        let scale = w * inv / sum
        for i in 0..<V { d[i] *= scale }
        d[targets[t]] -= w * inv
    }
}

/// drow (V) += Σ_k weight_k / temperature · (softmax(row / temperature) − onehot(target_k)): more
/// targets on one row (a shared prompt's last row, whose next token differs per completion).
func crossEntropyBackwardAdding(
    _ drow: UnsafeMutablePointer<Float>, _ row: UnsafePointer<Float>, terms: [(target: Int, weight: Float)], V: Int,
    temperature: Float
) {
    guard terms.contains(where: { $0.weight != 0 }) else { return }
    let inv = 1 / temperature
    let total = terms.reduce(Float(0)) { $0 + $1.weight }
    if total != 0 {
        var maxValue = -Float.infinity
        for i in 0..<V where row[i] > maxValue { maxValue = row[i] }
        var sum: Float = 0
        for i in 0..<V { sum += expf((row[i] - maxValue) * inv) }
        let scale = total * inv / sum
        for i in 0..<V { drow[i] += expf((row[i] - maxValue) * inv) * scale }
    }
    for term in terms { drow[term.target] -= term.weight * inv }
}
