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

/// dlogits (T, V) = weight[t] · (softmax(logits) − onehot(target)), overwritten.
func crossEntropyBackward(
    _ dlogits: UnsafeMutablePointer<Float>, _ logits: UnsafePointer<Float>, targets: [Int], weights: [Float], T: Int, V: Int
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
        var sum: Float = 0
        for i in 0..<V {
            d[i] = expf(row[i] - maxValue)
            sum += d[i]
        }
        let scale = w / sum
        for i in 0..<V { d[i] *= scale }
        d[targets[t]] -= w
    }
}
