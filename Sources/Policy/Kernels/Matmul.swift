import CBLAS

// Kernels of the forward pass, llm.c style: free functions, outputs first, dimensions last.
// Letters: B rows (tokens), C channels, OC output channels, HS head size, T positions.

/// out (B, OC) = inp (B, C) · weight(OC, C)ᵀ [+ bias (OC)], through OpenBLAS.
func matmul(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
    _ bias: UnsafePointer<Float>?, B: Int, C: Int, OC: Int
) {
    BLASKernels.prepare()
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
