// out (B, OC) = inp (B, C) · Wᵀ with W a QuantizedMatrix, for the few rows of a decoding step.
//
// Per block of 32 weights of one output, the codes are widened to fp32 and scaled once
// (w = scale * code + offset) and then used for every row of the tile, so the conversion is
// shared by the group being decoded together and each row costs one fused multiply-add per
// weight. Tiles of up to 4 rows, two accumulator chains each, keep the accumulators and the four
// widened vectors in the 16 AVX registers. Output channels are split between the pool's threads.

/// Naive reference of `quantizedMatmul`, for tests.
func quantizedMatmulReference(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ w: QuantizedMatrix, B: Int
) {
    let (C, OC) = (w.columns, w.rows)
    for b in 0..<B {
        for o in 0..<OC {
            var sum: Float = 0
            for c in 0..<C { sum += w.weight(o, c) * inp[b * C + c] }
            out[b * OC + o] = sum
        }
    }
}

/// out (B, OC) = inp (B, C) · Wᵀ [+ bias]. Threads split the output channels.
func quantizedMatmul(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ w: QuantizedMatrix,
    _ bias: UnsafePointer<Float>?, B: Int, pool: WorkerPool
) {
    let OC = w.rows
    // Chunks of output channels, a multiple of 16 so that threads never share a cache line of out.
    let parts = max(1, min(pool.width, OC / 64))
    let chunk = ((OC + parts - 1) / parts + 15) & ~15  // rounded up: every channel in some chunk
    w.codes.withUnsafeBufferPointer { codes in
        w.scales.withUnsafeBufferPointer { scales in
            w.offsets.withUnsafeBufferPointer { offsets in
                let job = QuantizedJob(
                    out: out, inp: inp, codes: codes.baseAddress!, scales: scales.baseAddress!,
                    offsets: offsets.baseAddress, bias: bias, B: B, C: w.columns, OC: OC,
                    nibbles: w.codesKind == .nibbles)
                pool.run(parts: parts) { p in
                    job.run(outputs: min(OC, p * chunk)..<min(OC, (p + 1) * chunk))
                }
            }
        }
    }
}

/// Pointers of one quantised product, shared read-only by the threads (each writes its own
/// output columns).
private struct QuantizedJob: @unchecked Sendable {
    let out: UnsafeMutablePointer<Float>
    let inp: UnsafePointer<Float>
    let codes: UnsafePointer<UInt8>
    let scales: UnsafePointer<Float>
    let offsets: UnsafePointer<Float>?
    let bias: UnsafePointer<Float>?
    let B: Int, C: Int, OC: Int
    let nibbles: Bool

    typealias Block = (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)

    func run(outputs: Range<Int>) {
        var r0 = 0
        while r0 < B {
            let tile = min(4, B - r0)
            for o in outputs { dot(o, rowBase: r0, tile: tile) }
            r0 += tile
        }
    }

    /// Block k of output o as 32 fp32 weights.
    @inline(__always)
    func block(_ o: Int, _ k: Int) -> Block {
        let blk = o * (C / 32) + k
        let d = SIMD8<Float>(repeating: scales[blk])
        var w0 = SIMD8<Float>(), w1 = SIMD8<Float>(), w2 = SIMD8<Float>(), w3 = SIMD8<Float>()
        if nibbles {
            let q = codes + blk * 16
            // Scalar lane loops vectorize (SLP); the generic SIMD conversions would be calls.
            for j in 0..<8 {
                w0[j] = Float(q[j] & 0x0F)
                w1[j] = Float(q[j + 8] & 0x0F)
                w2[j] = Float(q[j] >> 4)
                w3[j] = Float(q[j + 8] >> 4)
            }
            let m = SIMD8<Float>(repeating: offsets![blk])
            return (m.addingProduct(w0, d), m.addingProduct(w1, d), m.addingProduct(w2, d), m.addingProduct(w3, d))
        }
        let q = UnsafeRawPointer(codes + blk * 32).assumingMemoryBound(to: Int8.self)
        for j in 0..<8 {
            w0[j] = Float(q[j])
            w1[j] = Float(q[j + 8])
            w2[j] = Float(q[j + 16])
            w3[j] = Float(q[j + 24])
        }
        return (w0 * d, w1 * d, w2 * d, w3 * d)
    }

    /// (a, b) + w · inp[r][c..<c+32] in two independent chains of fused multiply-adds (one
    /// chain of four would wait on FMA latency).
    @inline(__always)
    func fma2(_ acc: (SIMD8<Float>, SIMD8<Float>), _ w: Block, _ r: Int, _ c: Int) -> (SIMD8<Float>, SIMD8<Float>) {
        let x = inp + r * C + c
        return (
            acc.0.addingProduct(w.0, load8(x)).addingProduct(w.2, load8(x + 16)),
            acc.1.addingProduct(w.1, load8(x + 8)).addingProduct(w.3, load8(x + 24))
        )
    }

    /// Rows r0..<r0+tile (tile ≤ 4) of output o.
    @inline(__always)
    func dot(_ o: Int, rowBase r0: Int, tile: Int) {
        let zero = (SIMD8<Float>(), SIMD8<Float>())
        var a0 = zero, a1 = zero, a2 = zero, a3 = zero
        if tile == 1 {
            // Four chains for a lone row.
            var a = SIMD8<Float>(), b = SIMD8<Float>(), c = SIMD8<Float>(), d = SIMD8<Float>()
            for k in 0..<(C / 32) {
                let w = block(o, k)
                let x = inp + r0 * C + k * 32
                a = a.addingProduct(w.0, load8(x))
                b = b.addingProduct(w.1, load8(x + 8))
                c = c.addingProduct(w.2, load8(x + 16))
                d = d.addingProduct(w.3, load8(x + 24))
            }
            a0 = (a + c, b + d)
        } else {
            for k in 0..<(C / 32) {
                let w = block(o, k)
                let c = k * 32
                a0 = fma2(a0, w, r0, c)
                a1 = fma2(a1, w, r0 + 1, c)
                if tile > 2 { a2 = fma2(a2, w, r0 + 2, c) }
                if tile > 3 { a3 = fma2(a3, w, r0 + 3, c) }
            }
        }
        let extra = bias?[o] ?? 0
        let y = out + r0 * OC + o
        y[0] = (a0.0 + a0.1).sum() + extra
        if tile > 1 { y[OC] = (a1.0 + a1.1).sum() + extra }
        if tile > 2 { y[2 * OC] = (a2.0 + a2.1).sum() + extra }
        if tile > 3 { y[3 * OC] = (a3.0 + a3.1).sum() + extra }
    }
}
