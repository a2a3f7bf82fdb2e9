import Foundation

// Causal grouped-query attention over one whole sequence, without a cache. The fused qkv rows
// (T, QKV) hold Q (NH heads), then K and V (KVH heads each), rotated already; query head h
// reads KV head h / (NH / KVH). Each head's products are GEMMs on strided views of qkv.
// Letters: T positions, NH query heads, KVH KV heads, HS head size, QD = NH·HS, KVD = KVH·HS.

/// att (T, QD) and probs (NH, T, T), the softmax of each head kept for the backward pass
/// (zero above the diagonal).
func attentionForward(
    _ att: UnsafeMutablePointer<Float>, _ probs: UnsafeMutablePointer<Float>, _ qkv: UnsafePointer<Float>,
    T: Int, NH: Int, KVH: Int, HS: Int
) {
    let QD = NH * HS
    let KVD = KVH * HS
    let QKV = QD + 2 * KVD
    let G = NH / KVH
    let scale = 1 / Float(HS).squareRoot()
    for h in 0..<NH {
        let g = h / G
        let q = qkv + h * HS
        let k = qkv + QD + g * HS
        let v = qkv + QD + KVD + g * HS
        let p = probs + h * T * T
        // Scores for every pair, then only the lower triangle is kept: GEMM on the full square
        // is still cheaper than T dot-product loops.
        gemm(p, ldc: T, q, lda: QKV, k, ldb: QKV, transposeB: true, M: T, N: T, K: HS, alpha: scale, beta: 0)
        for t in 0..<T {
            let row = p + t * T
            var maxValue = -Float.infinity
            for j in 0...t where row[j] > maxValue { maxValue = row[j] }
            var sum: Float = 0
            for j in 0...t {
                row[j] = expf(row[j] - maxValue)
                sum += row[j]
            }
            let inv = 1 / sum
            for j in 0...t { row[j] *= inv }
            for j in (t + 1)..<T { row[j] = 0 }
        }
        gemm(att + h * HS, ldc: QD, p, lda: T, v, ldb: QKV, M: T, N: HS, K: T, beta: 0)
    }
}

/// dqkv (T, QKV) = ∂L/∂qkv (overwritten) from datt (T, QD); `scratch` holds (T, T).
/// With S the scaled scores and P = softmax(S): dP = dO · Vᵀ, dV = Pᵀ · dO,
/// dS = P ⊙ (dP − rowsum(P ⊙ dP)), dQ = scale · dS · K, dK = scale · dSᵀ · Q.
func attentionBackward(
    _ dqkv: UnsafeMutablePointer<Float>, _ scratch: UnsafeMutablePointer<Float>, _ datt: UnsafePointer<Float>,
    _ probs: UnsafePointer<Float>, _ qkv: UnsafePointer<Float>, T: Int, NH: Int, KVH: Int, HS: Int
) {
    let QD = NH * HS
    let KVD = KVH * HS
    let QKV = QD + 2 * KVD
    let G = NH / KVH
    let scale = 1 / Float(HS).squareRoot()
    dqkv.update(repeating: 0, count: T * QKV)
    for h in 0..<NH {
        let g = h / G
        let q = qkv + h * HS
        let k = qkv + QD + g * HS
        let v = qkv + QD + KVD + g * HS
        let dq = dqkv + h * HS
        let dk = dqkv + QD + g * HS
        let dv = dqkv + QD + KVD + g * HS
        let p = probs + h * T * T
        let dO = datt + h * HS
        let dS = scratch
        gemm(dS, ldc: T, dO, lda: QD, v, ldb: QKV, transposeB: true, M: T, N: T, K: HS, beta: 0)
        gemm(dv, ldc: QKV, p, lda: T, transposeA: true, dO, ldb: QD, M: T, N: HS, K: T, beta: 1)
        for t in 0..<T {
            let pr = p + t * T
            let dr = dS + t * T
            var dot: Float = 0
            for j in 0...t { dot += pr[j] * dr[j] }
            for j in 0...t { dr[j] = pr[j] * (dr[j] - dot) }
            for j in (t + 1)..<T { dr[j] = 0 }
        }
        gemm(dq, ldc: QKV, dS, lda: T, k, ldb: QKV, M: T, N: HS, K: T, alpha: scale, beta: 1)
        gemm(dk, ldc: QKV, dS, lda: T, transposeA: true, q, ldb: QKV, M: T, N: HS, K: T, alpha: scale, beta: 1)
    }
}
