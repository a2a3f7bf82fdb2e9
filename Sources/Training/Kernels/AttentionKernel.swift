import Foundation

// Causal grouped-query attention over the rows of a `SequenceLayout`, without a cache. The fused
// qkv rows (T, QKV) hold Q (NH heads), then K and V (KVH heads each), rotated already; query head
// h reads KV head h / (NH / KVH). Each head's products are GEMMs on strided views of qkv.
//
// The work is split into blocks of query rows: the prompt's rows against the prompt's keys
// (causal), and each packed segment's rows against the prompt's keys (all visible) and its own
// (causal). A block's probabilities are stored row-major with width prefix + own columns.
// Letters: T rows, NH query heads, KVH KV heads, HS head size, QD = NH·HS, KVD = KVH·HS.

/// One block of query rows: `rows` (its own keys are the same rows) after `prefix` visible
/// prompt keys (rows 0..<prefix).
private struct AttentionBlock {
    let rows: Range<Int>
    let prefix: Int
    let offset: Int
    var width: Int { prefix + rows.count }

    static func blocks(_ layout: SequenceLayout) -> [AttentionBlock] {
        var blocks = [AttentionBlock(rows: 0..<layout.promptLength, prefix: 0, offset: 0)]
        for (i, segment) in layout.segments.enumerated() {
            blocks.append(AttentionBlock(rows: segment, prefix: layout.promptLength, offset: layout.blockOffset(i)))
        }
        return blocks
    }
}

/// att (T, QD) and probs (NH, T, T), the softmax of each head kept for the backward pass
/// (zero above the diagonal): one plain sequence.
func attentionForward(
    _ att: UnsafeMutablePointer<Float>, _ probs: UnsafeMutablePointer<Float>, _ qkv: UnsafePointer<Float>,
    T: Int, NH: Int, KVH: Int, HS: Int
) {
    attentionForward(att, probs, qkv, layout: .plain(T), NH: NH, KVH: KVH, HS: HS)
}

/// att (rows, QD) and probs (NH, layout.probabilitiesPerHead), each block's softmax kept for the
/// backward pass (zero where a row may not look). `roundsProbabilitiesToHalf` rounds them to f16
/// as inference does (tests that compare the two only).
func attentionForward(
    _ att: UnsafeMutablePointer<Float>, _ probs: UnsafeMutablePointer<Float>, _ qkv: UnsafePointer<Float>,
    layout: SequenceLayout, NH: Int, KVH: Int, HS: Int, roundsProbabilitiesToHalf: Bool = false
) {
    let QD = NH * HS
    let KVD = KVH * HS
    let QKV = QD + 2 * KVD
    let G = NH / KVH
    let scale = 1 / Float(HS).squareRoot()
    let perHead = layout.probabilitiesPerHead
    for h in 0..<NH {
        let g = h / G
        let q = qkv + h * HS
        let k = qkv + QD + g * HS
        let v = qkv + QD + KVD + g * HS
        for block in AttentionBlock.blocks(layout) where !block.rows.isEmpty {
            let (M, P, W, r0) = (block.rows.count, block.prefix, block.width, block.rows.lowerBound)
            let p = probs + h * perHead + block.offset
            // Scores against every visible column, then the causal part is masked: GEMMs on the
            // full block are still cheaper than dot-product loops.
            gemm(p, ldc: W, q + r0 * QKV, lda: QKV, k, ldb: QKV, transposeB: true, M: M, N: P, K: HS, alpha: scale, beta: 0)
            gemm(
                p + P, ldc: W, q + r0 * QKV, lda: QKV, k + r0 * QKV, ldb: QKV, transposeB: true, M: M, N: M, K: HS,
                alpha: scale, beta: 0)
            for t in 0..<M {
                let row = p + t * W
                let last = P + t
                var maxValue = -Float.infinity
                for j in 0...last where row[j] > maxValue { maxValue = row[j] }
                var sum: Float = 0
                for j in 0...last {
                    row[j] = expf(row[j] - maxValue)
                    sum += row[j]
                }
                let inv = 1 / sum
                for j in 0...last { row[j] *= inv }
                if roundsProbabilitiesToHalf { for j in 0...last { row[j] = Float(Float16(row[j])) } }
                for j in (last + 1)..<W { row[j] = 0 }
            }
            let out = att + r0 * QD + h * HS
            gemm(out, ldc: QD, p + P, lda: W, v + r0 * QKV, ldb: QKV, M: M, N: HS, K: M, beta: 0)
            gemm(out, ldc: QD, p, lda: W, v, ldb: QKV, M: M, N: HS, K: P, beta: 1)
        }
    }
}

/// dqkv (T, QKV) = ∂L/∂qkv (overwritten) from datt (T, QD); `scratch` holds (T, T): one plain
/// sequence.
func attentionBackward(
    _ dqkv: UnsafeMutablePointer<Float>, _ scratch: UnsafeMutablePointer<Float>, _ datt: UnsafePointer<Float>,
    _ probs: UnsafePointer<Float>, _ qkv: UnsafePointer<Float>, T: Int, NH: Int, KVH: Int, HS: Int
) {
    attentionBackward(dqkv, scratch, datt, probs, qkv, layout: .plain(T), NH: NH, KVH: KVH, HS: HS)
}

/// dqkv (rows, QKV) = ∂L/∂qkv (overwritten) from datt (rows, QD); `scratch` holds the largest
/// block. Per block, with S the scaled scores and P = softmax(S): dP = dO · Vᵀ, dV += Pᵀ · dO,
/// dS = P ⊙ (dP − rowsum(P ⊙ dP)), dQ += scale · dS · K, dK += scale · dSᵀ · Q; the prompt's
/// keys and values gather the gradients of every block that sees them.
func attentionBackward(
    _ dqkv: UnsafeMutablePointer<Float>, _ scratch: UnsafeMutablePointer<Float>, _ datt: UnsafePointer<Float>,
    _ probs: UnsafePointer<Float>, _ qkv: UnsafePointer<Float>, layout: SequenceLayout, NH: Int, KVH: Int, HS: Int
) {
    let QD = NH * HS
    let KVD = KVH * HS
    let QKV = QD + 2 * KVD
    let G = NH / KVH
    let scale = 1 / Float(HS).squareRoot()
    let perHead = layout.probabilitiesPerHead
    dqkv.update(repeating: 0, count: layout.rows * QKV)
    for h in 0..<NH {
        let g = h / G
        let q = qkv + h * HS
        let k = qkv + QD + g * HS
        let v = qkv + QD + KVD + g * HS
        let dq = dqkv + h * HS
        let dk = dqkv + QD + g * HS
        let dv = dqkv + QD + KVD + g * HS
        for block in AttentionBlock.blocks(layout) where !block.rows.isEmpty {
            let (M, P, W, r0) = (block.rows.count, block.prefix, block.width, block.rows.lowerBound)
            let p = probs + h * perHead + block.offset
            let dO = datt + r0 * QD + h * HS
            let dS = scratch
            gemm(dS, ldc: W, dO, lda: QD, v, ldb: QKV, transposeB: true, M: M, N: P, K: HS, beta: 0)
            gemm(dS + P, ldc: W, dO, lda: QD, v + r0 * QKV, ldb: QKV, transposeB: true, M: M, N: M, K: HS, beta: 0)
            gemm(dv, ldc: QKV, p, lda: W, transposeA: true, dO, ldb: QD, M: P, N: HS, K: M, beta: 1)
            gemm(dv + r0 * QKV, ldc: QKV, p + P, lda: W, transposeA: true, dO, ldb: QD, M: M, N: HS, K: M, beta: 1)
            for t in 0..<M {
                let pr = p + t * W
                let dr = dS + t * W
                let last = P + t
                var dot: Float = 0
                for j in 0...last { dot += pr[j] * dr[j] }
                for j in 0...last { dr[j] = pr[j] * (dr[j] - dot) }
                for j in (last + 1)..<W { dr[j] = 0 }
            }
            let qRows = q + r0 * QKV
            gemm(dq + r0 * QKV, ldc: QKV, dS, lda: W, k, ldb: QKV, M: M, N: HS, K: P, alpha: scale, beta: 1)
            gemm(dq + r0 * QKV, ldc: QKV, dS + P, lda: W, k + r0 * QKV, ldb: QKV, M: M, N: HS, K: M, alpha: scale, beta: 1)
            gemm(dk, ldc: QKV, dS, lda: W, transposeA: true, qRows, ldb: QKV, M: P, N: HS, K: M, alpha: scale, beta: 1)
            gemm(
                dk + r0 * QKV, ldc: QKV, dS + P, lda: W, transposeA: true, qRows, ldb: QKV, M: M, N: HS, K: M, alpha: scale,
                beta: 1)
        }
    }
}
