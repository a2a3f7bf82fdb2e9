// out (B, OC) = inp (B, C) · Wᵀ with W a QuantizedMatrix: decoding steps and prompts alike.
//
// The rows are quantised per block of 32 to signed bytes with one scale (llama.cpp's Q8_0 and
// Q8_1 do the same), so that each block of weights meets each block of activations as one integer
// dot product: CKernels runs them with VNNI where the CPU has it and never widens the weights to
// fp32. Measured on the default model: see scripts/benchmarks/sampling-speed.md.
// Weights are packed so that one instruction advances 8 or 16 output channels (packed_matmul.h);
// the pool's threads split the tiles of channels, each reusing a tile's weights for up to 8 rows.
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
    let blocks = C / QuantizedMatrix.blockSize
    for b in 0..<B {
        for o in 0..<OC {
            var sum: Double = 0
            for k in 0..<blocks {
                // The offset meets the block's stored sum, as in ggml's Q4_1 x Q8_1 product.
                let offset = w.offset(o, block: k)
                for c in (k * 32)..<(k * 32 + 32) {
                    sum += Double(w.weight(o, c) - offset) * Double(x.value(b, c, columns: C))
                }
                sum += Double(offset) * Double(x.sums[b * blocks + k])
            }
            out[b * OC + o] = Float(sum)
        }
    }
}

/// out (B, OC) = inp (B, C) · Wᵀ [+ bias]. Threads split the packed tiles of output channels.
func quantizedMatmul(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ w: QuantizedMatrix,
    _ bias: UnsafePointer<Float>?, B: Int, pool: WorkerPool
) {
    let (C, OC, tiles) = (w.columns, w.rows, w.tiles)
    let x = QuantizedActivations(inp, rows: B, columns: C)
    // Whole cache lines of out (16 channels) per part, so that threads never write the same line.
    let tilesPerLine = max(1, 16 / QuantizedMatrix.tileRows)
    let parts = max(1, min(pool.width, tiles / 8))
    let chunk = ((tiles + parts - 1) / parts + tilesPerLine - 1) / tilesPerLine * tilesPerLine
    x.codes.withUnsafeBufferPointer { xq in
        x.scales.withUnsafeBufferPointer { xd in
            x.sums.withUnsafeBufferPointer { xs in
                w.packed.withUnsafeBufferPointer { packed in
                    w.scales.withUnsafeBufferPointer { scales in
                        w.offsets.withUnsafeBufferPointer { offsets in
                            let job = QuantizedJob(
                                out: out, xq: xq.baseAddress!, xd: xd.baseAddress!, xs: xs.baseAddress!,
                                packed: packed.baseAddress!, scales: scales.baseAddress!, offsets: offsets.baseAddress!,
                                nibbles: w.codesKind == .nibbles, bias: bias, B: B, C: C, OC: OC)
                            pool.run(parts: parts) { p in
                                job.run(tiles: min(tiles, p * chunk)..<min(tiles, (p + 1) * chunk))
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
    let packed: UnsafePointer<UInt8>
    let scales: UnsafePointer<Float>
    let offsets: UnsafePointer<Float>
    let nibbles: Bool
    let bias: UnsafePointer<Float>?
    let B: Int, C: Int, OC: Int

    func run(tiles: Range<Int>) {
        guard !tiles.isEmpty else { return }
        vr_packed_matmul(
            out, Int64(OC), xq, xd, xs, Int64(B), Int64(C), packed, scales, offsets, nibbles ? 1 : 0, bias, Int64(OC),
            Int64(tiles.lowerBound), Int64(tiles.upperBound))
    }
}
