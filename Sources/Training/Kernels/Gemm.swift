import CBLAS
import Policy

// Every matrix product of training goes through OpenBLAS. Row-major throughout; a transposed
// operand is read in place (CblasTrans) rather than copied, so strided views such as one head of
// a fused QKV row (leading dimension QKV) need no gather.

/// c (M, N) = alpha · op(a) · op(b) + beta · c, where op(a) is (M, K) and op(b) is (K, N).
/// `lda`, `ldb`, `ldc` are the row strides of the matrices as stored.
@inline(__always)
func gemm(
    _ c: UnsafeMutablePointer<Float>, ldc: Int,
    _ a: UnsafePointer<Float>, lda: Int, transposeA: Bool = false,
    _ b: UnsafePointer<Float>, ldb: Int, transposeB: Bool = false,
    M: Int, N: Int, K: Int, alpha: Float = 1, beta: Float
) {
    guard M > 0, N > 0, K > 0 else { return }
    BLASKernels.prepare()
    cblas_sgemm(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        Int32(M), Int32(N), Int32(K), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}
