// out (B, OC) = inp (B, C) · Wᵀ with W a QuantizedMatrix, for the few rows of a decoding step.
//
// The rows are quantised per block of 32 to signed bytes with one scale (llama.cpp's Q8_0 and
// Q8_1 do the same), so that each block of weights meets each block of activations as one integer
// dot product: CKernels runs them with AVX-512 VNNI (32 multiply-adds an instruction) and never
// widens the weights to fp32. Measured on the default model: see scripts/benchmarks/sampling-speed.md.
// Output channels are split between the pool's threads; each thread reuses a weight block for
// up to 8 rows.
import CKernels

/// The activations of a product, quantised as the kernels read them.
struct QuantizedActivations {
    var codes: [Int8]
    var scales: [Float]
    /// scale × Σ codes per block: the term a weight block's offset multiplies.
    var sums: [Float]

    init(_ inp: UnsafePointer<Float>, rows: Int, columns: Int) {
        let blocks = rows * columns / QuantizedMatrix.blockSize
        codes = [Int8](repeating: 0, count: rows * columns)
        scales = [Float](repeating: 0, count: blocks)
        sums = [Float](repeating: 0, count: blocks)
        vr_quantize_activations(inp, Int64(rows), Int64(columns), &codes, &scales, &sums)
    }

    /// Element (r, c) as the kernels see it.
    func value(_ r: Int, _ c: Int, columns: Int) -> Float {
        scales[(r * columns + c) / QuantizedMatrix.blockSize] * Float(codes[r * columns + c])
    }
}

/// The instruction set the integer kernels were built for (`model bench` prints it).
public var quantizedKernelName: String { String(cString: vr_dot_kernel_name()) }

/// Naive reference of `quantizedMatmul` (without bias), on the same quantised activations.
func quantizedMatmulReference(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ w: QuantizedMatrix, B: Int
) {
    let (C, OC) = (w.columns, w.rows)
    let x = QuantizedActivations(inp, rows: B, columns: C)
    for b in 0..<B {
        for o in 0..<OC {
            var sum: Double = 0
            for c in 0..<C { sum += Double(w.weight(o, c)) * Double(x.value(b, c, columns: C)) }
            out[b * OC + o] = Float(sum)
        }
    }
}

/// out (B, OC) = inp (B, C) · Wᵀ [+ bias]. Threads split the output channels.
func quantizedMatmul(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ w: QuantizedMatrix,
    _ bias: UnsafePointer<Float>?, B: Int, pool: WorkerPool
) {
    let (C, OC) = (w.columns, w.rows)
    let x = QuantizedActivations(inp, rows: B, columns: C)
    // Chunks of output channels, a multiple of 16 so that threads never share a cache line of out.
    let parts = max(1, min(pool.width, OC / 64))
    let chunk = ((OC + parts - 1) / parts + 15) & ~15  // rounded up: every channel in some chunk
    x.codes.withUnsafeBufferPointer { xq in
        x.scales.withUnsafeBufferPointer { xd in
            x.sums.withUnsafeBufferPointer { xs in
                w.codes.withUnsafeBufferPointer { codes in
                    w.scales.withUnsafeBufferPointer { scales in
                        w.offsets.withUnsafeBufferPointer { offsets in
                            let job = QuantizedJob(
                                out: out, xq: xq.baseAddress!, xd: xd.baseAddress!, xs: xs.baseAddress!,
                                codes: codes.baseAddress!, scales: scales.baseAddress!,
                                offsets: w.codesKind == .nibbles ? offsets.baseAddress : nil, bias: bias, B: B, C: C, OC: OC)
                            pool.run(parts: parts) { p in
                                job.run(outputs: min(OC, p * chunk)..<min(OC, (p + 1) * chunk))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Pointers of one quantised product, shared read-only by the threads (each writes its own
/// output columns).
private struct QuantizedJob: @unchecked Sendable {
    let out: UnsafeMutablePointer<Float>
    let xq: UnsafePointer<Int8>
    let xd: UnsafePointer<Float>
    let xs: UnsafePointer<Float>
    let codes: UnsafePointer<UInt8>
    let scales: UnsafePointer<Float>
    /// Present for 4-bit codes only.
    let offsets: UnsafePointer<Float>?
    let bias: UnsafePointer<Float>?
    let B: Int, C: Int, OC: Int

    func run(outputs: Range<Int>) {
        guard !outputs.isEmpty else { return }
        let (lo, hi) = (Int64(outputs.lowerBound), Int64(outputs.upperBound))
        if let offsets {
            vr_dot_nibbles(
                out, Int64(OC), xq, xd, xs, Int64(B), Int64(C), codes, scales, offsets, bias, lo, hi)
        } else {
            let signed = UnsafeRawPointer(codes).assumingMemoryBound(to: Int8.self)
            vr_dot_bytes(out, Int64(OC), xq, xd, Int64(B), Int64(C), signed, scales, bias, lo, hi)
        }
    }
}
