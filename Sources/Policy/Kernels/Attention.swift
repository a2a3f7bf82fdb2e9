import CBLAS
import CKernels

// Causal grouped-query attention over a KV cache laid out (T, KVD) per layer: the keys of
// position t for KV head g start at t * KVD + g * HS. Query heads h use KV head h / (NH / KVH).
// Keys and values are f16; queries arrive rotated and rounded to f16, as llama.cpp's K·Q
// product sees them.

/// The cache of one query row's sequence at one layer, and how many positions it attends to:
/// positions 0..<P from a shared prefix (a group's prompt), the rest from the row's own cache.
struct AttentionRow: @unchecked Sendable {
    let prefixKeys: UnsafePointer<Float16>?
    let prefixValues: UnsafePointer<Float16>?
    let P: Int
    /// Position P's keys and values (position 0's when there is no prefix).
    let keys: UnsafePointer<Float16>
    let values: UnsafePointer<Float16>
    /// Positions 0..<T (the row's own position is T - 1).
    let T: Int

    init(keys: UnsafePointer<Float16>, values: UnsafePointer<Float16>, T: Int) {
        (prefixKeys, prefixValues, P) = (nil, nil, 0)
        (self.keys, self.values, self.T) = (keys, values, T)
    }

    init(
        prefixKeys: UnsafePointer<Float16>, prefixValues: UnsafePointer<Float16>, P: Int,
        keys: UnsafePointer<Float16>, values: UnsafePointer<Float16>, T: Int
    ) {
        (self.prefixKeys, self.prefixValues, self.P) = (prefixKeys, prefixValues, P)
        (self.keys, self.values, self.T) = (keys, values, T)
    }
}

/// out (B, NH*HS): each row and head attends over its own sequence. Tasks are (row, KV head)
/// pairs, so that the query heads sharing a KV head read its keys once; they are split between
/// threads when the work is large enough to pay for the hand-over.
func attention(
    _ out: UnsafeMutablePointer<Float>, _ q: UnsafePointer<Float>, rows: [AttentionRow],
    NH: Int, KVH: Int, HS: Int, KVD: Int, pool: WorkerPool
) {
    let B = rows.count
    let tasks = B * KVH
    let work = rows.reduce(0) { $0 + $1.T } * NH * HS
    let parts = work > 32_768 ? max(1, min(pool.width, tasks)) : 1
    let maxT = rows.map(\.T).max() ?? 0
    let job = AttentionJob(out: out, q: q, rows: rows, NH: NH, KVH: KVH, HS: HS, KVD: KVD)
    // Tasks are interleaved between parts: rows differ in length, neighbours less so.
    pool.run(parts: parts) { p in
        job.run(tasks: stride(from: p, to: tasks, by: parts), maxT: maxT)
    }
}

private struct AttentionJob: @unchecked Sendable {
    let out: UnsafeMutablePointer<Float>
    let q: UnsafePointer<Float>
    let rows: [AttentionRow]
    let NH: Int, KVH: Int, HS: Int, KVD: Int

    func run(tasks: StrideTo<Int>, maxT: Int) {
        let QD = NH * HS
        let G = NH / KVH  // query heads per KV head
        let scale = 1 / Float(HS).squareRoot()
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: max(1, maxT) * G)  // (G, T)
        defer { scores.deallocate() }
        for task in tasks {
            let (r, g) = task.quotientAndRemainder(dividingBy: KVH)
            let row = rows[r]
            let (T, P) = (row.T, row.P)
            let q0 = q + r * QD + g * G * HS  // the G query heads of KV head g are contiguous
            func half(_ p: UnsafePointer<Float16>) -> UnsafePointer<UInt16> {
                UnsafeRawPointer(p + g * HS).assumingMemoryBound(to: UInt16.self)
            }
            if let prefixKeys = row.prefixKeys, P > 0 {
                vr_attention_scores(scores, Int64(T), q0, half(prefixKeys), Int64(P), Int64(KVD), Int64(HS), Int64(G), scale)
            }
            vr_attention_scores(
                scores + P, Int64(T), q0, half(row.keys), Int64(T - P), Int64(KVD), Int64(HS), Int64(G), scale)
            for h in 0..<G {
                let p = scores + h * T
                softmax(p, T)
                let o = out + r * QD + (g * G + h) * HS
                if let prefixValues = row.prefixValues, P > 0 {
                    vr_attention_values(o, p, half(prefixValues), Int64(P), Int64(KVD), Int64(HS), 0)
                }
                vr_attention_values(o, p + P, half(row.values), Int64(T - P), Int64(KVD), Int64(HS), P > 0 ? 1 : 0)
            }
        }
    }
}

/// 8 f16 values widened to fp32 (F16C's vcvtph2ps when the build targets it).
@inline(__always)
func loadHalf8(_ p: UnsafePointer<Float16>) -> SIMD8<Float> {
    var v = SIMD8<Float>()
    for j in 0..<8 { v[j] = Float(p[j]) }
    return v
}

/// out[0..<n] = Float(src[0..<n]).
@inline(__always)
func widen(_ out: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float16>, _ n: Int) {
    var i = 0
    while i + 8 <= n {
        store8(out + i, loadHalf8(src + i))
        i += 8
    }
    while i < n {
        out[i] = Float(src[i])
        i += 1
    }
}

/// Attention for B consecutive positions p0..<p0+B of one sequence (prompt processing), as two
/// GEMMs per head on fp32 copies of the cache: S = Q Kᵀ over positions 0..<p0+B with the causal
/// mask, then out = softmax(S) V.
func attentionPrefill(
    _ out: UnsafeMutablePointer<Float>, _ q: UnsafePointer<Float>, keys: UnsafePointer<Float16>,
    values: UnsafePointer<Float16>, p0: Int, B: Int, NH: Int, KVH: Int, HS: Int, KVD: Int
) {
    let T = p0 + B
    let QD = NH * HS
    let scale = 1 / Float(HS).squareRoot()
    let S = UnsafeMutablePointer<Float>.allocate(capacity: B * T)
    let K = UnsafeMutablePointer<Float>.allocate(capacity: T * KVD)
    let V = UnsafeMutablePointer<Float>.allocate(capacity: T * KVD)
    defer {
        S.deallocate()
        K.deallocate()
        V.deallocate()
    }
    widen(K, keys, T * KVD)
    widen(V, values, T * KVD)
    BLASKernels.prepare()
    for h in 0..<NH {
        let g = h / (NH / KVH)
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(B), Int32(T), Int32(HS), scale, q + h * HS, Int32(QD),
            K + g * HS, Int32(KVD), 0, S, Int32(T))
        for i in 0..<B {
            // Row i (position p0 + i) sees positions 0...p0+i; later entries get zero weight.
            let visible = p0 + i + 1
            let row = S + i * T
            softmax(row, visible)
            for t in visible..<T { row[t] = 0 }
        }
        // llama.cpp multiplies the f16 values by probabilities rounded to f16.
        vr_round_to_half(S, Int64(B * T))
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(B), Int32(HS), Int32(T), 1, S, Int32(T),
            V + g * HS, Int32(KVD), 0, out + h * HS, Int32(QD))
    }
}
