import Foundation

/// AdamW hyperparameters, PyTorch's defaults except the learning rate (set per run).
public struct AdamWConfig: Sendable, Hashable, Codable {
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var eps: Float = 1e-8
    /// Decoupled weight decay (applied as p -= lr · decay · p), 0 as in TRL's SFT default.
    public var weightDecay: Float = 0

    public init(beta1: Float = 0.9, beta2: Float = 0.999, eps: Float = 1e-8, weightDecay: Float = 0) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
    }
}

/// AdamW (Loshchilov & Hutter) over one flat parameter buffer, as `torch.optim.AdamW`
/// computes it: bias-corrected moments, decay decoupled from the gradient.
final class AdamW {
    let config: AdamWConfig
    let m: FloatBuffer
    let v: FloatBuffer
    /// Updates taken so far (the bias correction's t).
    private(set) var step = 0

    init(config: AdamWConfig, count: Int) {
        self.config = config
        m = FloatBuffer(count: count)
        v = FloatBuffer(count: count)
    }

    /// Advances the step count, leaving the weights and moments as they are (an update with no
    /// gradient), so that the learning-rate schedule keeps pace with the run's steps.
    func skip() { step += 1 }

    func restore(step: Int, m: [Float], v: [Float]) {
        self.step = step
        m.withUnsafeBufferPointer { self.m.pointer.update(from: $0.baseAddress!, count: $0.count) }
        v.withUnsafeBufferPointer { self.v.pointer.update(from: $0.baseAddress!, count: $0.count) }
    }

    /// One update of `parameters` from `gradients` at learning rate `lr`.
    func update(_ parameters: FloatBuffer, _ gradients: FloatBuffer, lr: Float) {
        step += 1
        let (b1, b2) = (config.beta1, config.beta2)
        let correction1 = 1 - powf(b1, Float(step))
        let correction2 = 1 - powf(b2, Float(step))
        let decay = 1 - lr * config.weightDecay
        let (p, g, m, v) = (parameters.pointer, gradients.pointer, m.pointer, v.pointer)
        for i in 0..<parameters.count {
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            let mHat = m[i] / correction1
            let vHat = v[i] / correction2
            p[i] = p[i] * decay - lr * mHat / (vHat.squareRoot() + config.eps)
        }
    }
}

/// Scales `gradients` so that their global L2 norm is at most `maxNorm` (no limit when
/// `maxNorm` <= 0) and returns the norm before clipping, as `clip_grad_norm_` does.
@discardableResult
func clipGradientNorm(_ gradients: FloatBuffer, maxNorm: Float) -> Float {
    var sum: Double = 0
    for i in 0..<gradients.count { sum += Double(gradients[i]) * Double(gradients[i]) }
    let norm = Float(sum.squareRoot())
    if maxNorm > 0, norm > maxNorm {
        let scale = maxNorm / (norm + 1e-6)
        for i in 0..<gradients.count { gradients[i] *= scale }
    }
    return norm
}
