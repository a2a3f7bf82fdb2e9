import Foundation

/// Cosines and sines of rotary position embedding for a set of positions: (B, HS/2) each.
/// Built once per forward pass and shared by every layer and head.
struct RopeTable {
    let half: Int
    var cos: [Float]
    var sin: [Float]

    init(positions: [Int], HS: Int, base: Float, scale: Float) {
        half = HS / 2
        cos = [Float](repeating: 0, count: positions.count * half)
        sin = cos
        for (b, position) in positions.enumerated() {
            let p = Float(position) / scale
            for i in 0..<half {
                let theta = p * powf(base, -Float(2 * i) / Float(HS))
                cos[b * half + i] = cosf(theta)
                sin[b * half + i] = sinf(theta)
            }
        }
    }
}

/// Rotary position embedding in place on `heads` consecutive head vectors (HS each) of row b.
/// `neox` rotates (i, i + HS/2) pairs (qwen2); otherwise adjacent (2i, 2i+1) pairs (llama, whose
/// Q and K llama.cpp's converter permuted into that order).
func rope(_ x: UnsafeMutablePointer<Float>, heads: Int, row b: Int, table: RopeTable, neox: Bool) {
    let half = table.half
    table.cos.withUnsafeBufferPointer { cosines in
        table.sin.withUnsafeBufferPointer { sines in
            let c = cosines.baseAddress! + b * half
            let s = sines.baseAddress! + b * half
            for h in 0..<heads {
                let v = x + h * 2 * half
                for i in 0..<half {
                    let (a, bb) = neox ? (i, i + half) : (2 * i, 2 * i + 1)
                    let x0 = v[a]
                    let x1 = v[bb]
                    v[a] = x0 * c[i] - x1 * s[i]
                    v[bb] = x0 * s[i] + x1 * c[i]
                }
            }
        }
    }
}

/// x rounded to the nearest f16 value, back in fp32 (llama.cpp's cache and K·Q precision).
@inline(__always)
func roundedToHalf(_ x: Float) -> Float { Float(Float16(x)) }
