import CBLAS
import Foundation

// Kernels of the forward pass, llm.c style: free functions, outputs first, dimensions last.
// Letters: B rows (tokens), C channels, OC output channels, HS head size.

/// out (B, OC) = inp (B, C) · weight(OC, C)ᵀ [+ bias (OC)], through OpenBLAS.
func matmul(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
    _ bias: UnsafePointer<Float>?, B: Int, C: Int, OC: Int
) {
    cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(B), Int32(OC), Int32(C), 1, inp, Int32(C), weight, Int32(C), 0, out,
        Int32(OC))
    if let bias {
        for b in 0..<B {
            let row = out + b * OC
            for o in 0..<OC { row[o] += bias[o] }
        }
    }
}

/// out (B, C) = inp / rms(inp) * weight, per row.
func rmsnorm(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, B: Int, C: Int, eps: Float
) {
    for b in 0..<B {
        let x = inp + b * C
        let y = out + b * C
        var ss: Float = 0
        for i in 0..<C { ss += x[i] * x[i] }
        let scale = 1 / (ss / Float(C) + eps).squareRoot()
        for i in 0..<C { y[i] = x[i] * scale * weight[i] }
    }
}

/// Rotary position embedding in place on one head vector (HS) at position `pos`.
/// `neox` rotates (i, i + HS/2) pairs (qwen2); otherwise adjacent (2i, 2i+1) pairs (llama, whose
/// Q and K llama.cpp's converter permuted into that order).
func rope(_ x: UnsafeMutablePointer<Float>, pos: Int, HS: Int, base: Float, scale: Float, neox: Bool) {
    let half = HS / 2
    let p = Float(pos) / scale
    for i in 0..<half {
        let theta = p * powf(base, -Float(2 * i) / Float(HS))
        let c = cosf(theta)
        let s = sinf(theta)
        let (a, b) = neox ? (i, i + half) : (2 * i, 2 * i + 1)
        let x0 = x[a]
        let x1 = x[b]
        x[a] = x0 * c - x1 * s
        x[b] = x0 * s + x1 * c
    }
}

/// out (B, F) = silu(gate) * up.
func swiglu(_ out: UnsafeMutablePointer<Float>, _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>, N: Int) {
    for i in 0..<N {
        let g = gate[i]
        out[i] = g / (1 + expf(-g)) * up[i]
    }
}

/// In-place softmax over n values.
func softmax(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
    var maxValue = -Float.infinity
    for i in 0..<n where x[i] > maxValue { maxValue = x[i] }
    var sum: Float = 0
    for i in 0..<n {
        x[i] = expf(x[i] - maxValue)
        sum += x[i]
    }
    let inv = 1 / sum
    for i in 0..<n { x[i] *= inv }
}
