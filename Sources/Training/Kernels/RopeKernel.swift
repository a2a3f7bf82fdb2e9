import Foundation

// Rotary position embedding for training, mirroring Policy's `RopeTable` and `rope` exactly
// (same angles, same pairs) so that the training forward reproduces inference: `neox` rotates
// (i, i + HS/2) pairs (qwen2), otherwise adjacent (2i, 2i + 1) pairs (llama, whose Q and K
// llama.cpp's converter permuted into that order). A rotation's inverse is its transpose, so
// the backward pass is the same rotation with the sine negated.

/// Cosines and sines for each row's position: (rows, HS/2) each.
struct RopeAngles {
    let half: Int
    var cos: [Float]
    var sin: [Float]

    /// Positions 0..<T.
    init(T: Int, HS: Int, base: Float, scale: Float) {
        self.init(positions: Array(0..<T), HS: HS, base: base, scale: scale)
    }

    init(positions: [Int], HS: Int, base: Float, scale: Float) {
        half = HS / 2
        cos = [Float](repeating: 0, count: positions.count * half)
        sin = cos
        for (t, position) in positions.enumerated() {
            let p = Float(position) / scale
            for i in 0..<half {
                let theta = p * powf(base, -Float(2 * i) / Float(HS))
                cos[t * half + i] = cosf(theta)
                sin[t * half + i] = sinf(theta)
            }
        }
    }
}

/// Rotates `heads` consecutive head vectors (HS each) in each of T rows of stride `rowStride`;
/// `inverse` rotates back (the backward pass, applied to gradients).
func ropeRotate(
    _ x: UnsafeMutablePointer<Float>, rowStride: Int, heads: Int, angles: RopeAngles, neox: Bool, inverse: Bool, T: Int
) {
    let half = angles.half
    let sign: Float = inverse ? -1 : 1
    angles.cos.withUnsafeBufferPointer { cosines in
        angles.sin.withUnsafeBufferPointer { sines in
            for t in 0..<T {
                let c = cosines.baseAddress! + t * half
                let s = sines.baseAddress! + t * half
                for h in 0..<heads {
                    let v = x + t * rowStride + h * 2 * half
                    for i in 0..<half {
                        let (a, b) = neox ? (i, i + half) : (2 * i, 2 * i + 1)
                        let x0 = v[a]
                        let x1 = v[b]
                        let si = sign * s[i]
                        v[a] = x0 * c[i] - x1 * si
                        v[b] = x0 * si + x1 * c[i]
                    }
                }
            }
        }
    }
}
