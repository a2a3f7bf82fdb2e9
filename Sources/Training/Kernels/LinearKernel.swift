// A fully connected layer, forward and backward, llm.c style: outputs first, dimensions last,
// backward accumulates. T rows (tokens), C input channels, OC output channels.

/// out (T, OC) = inp (T, C) · weight (OC, C)ᵀ [+ bias (OC)].
func linearForward(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
    _ bias: UnsafePointer<Float>?, T: Int, C: Int, OC: Int
) {
    gemm(out, ldc: OC, inp, lda: C, weight, ldb: C, transposeB: true, M: T, N: OC, K: C, beta: 0)
    guard let bias else { return }
    for t in 0..<T {
        let row = out + t * OC
        for o in 0..<OC { row[o] += bias[o] }
    }
}

/// dinp (T, C) += dout (T, OC) · weight (OC, C); when given, dweight (OC, C) += doutᵀ · inp and
/// dbias (OC) += Σ_t dout. A frozen weight (LoRA) passes nil and skips its product, which is
/// as large as the forward's.
func linearBackward(
    _ dinp: UnsafeMutablePointer<Float>, _ dweight: UnsafeMutablePointer<Float>?, _ dbias: UnsafeMutablePointer<Float>?,
    _ dout: UnsafePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, T: Int, C: Int, OC: Int
) {
    gemm(dinp, ldc: C, dout, lda: OC, weight, ldb: C, M: T, N: C, K: OC, beta: 1)
    if let dweight {
        gemm(dweight, ldc: C, dout, lda: OC, transposeA: true, inp, ldb: C, M: OC, N: C, K: T, beta: 1)
    }
    if let dbias {
        for t in 0..<T {
            let row = dout + t * OC
            for o in 0..<OC { dbias[o] += row[o] }
        }
    }
}
