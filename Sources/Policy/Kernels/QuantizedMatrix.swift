import CKernels

/// A weight matrix (OC, C) kept in its file's quantised form, for the integer kernels.
///
/// Decoding multiplies a handful of rows by every weight once per token, so its speed is set by
/// how many bytes of weights it reads: 4-bit codes read a fifth of what fp32 does. Blocks of 32
/// along C carry a scale and an offset, so that w = scale * code + offset reproduces Q8_0, Q4_0,
/// Q4_1 and Q4_K exactly. Other types have no quantised form and go through the fp32 GEMM.
///
/// The codes are stored packed for CKernels' `vr_packed_matmul` (8 or 16 output channels
/// interleaved four codes at a time; see packed_matmul.h), so that one integer instruction
/// advances all of them at once.
struct QuantizedMatrix: Sendable {
    enum Codes: Sendable {
        /// Two 4-bit codes per byte.
        case nibbles
        /// One byte per element.
        case bytes
    }

    static let blockSize = 32
    /// Output channels per packed tile (16 with AVX-512, else 8).
    static let tileRows = Int(vr_packed_tile_rows())

    let codesKind: Codes
    let rows: Int
    let columns: Int
    /// Codes in the kernels' packed layout.
    let packed: [UInt8]
    /// Scale and offset per tile, block and channel, in the packed order.
    let scales: [Float]
    let offsets: [Float]

    var blocksPerRow: Int { columns / Self.blockSize }
    var tiles: Int { (rows + Self.tileRows - 1) / Self.tileRows }

    /// The quantised form of a tensor's raw data, or nil when its type has none.
    init?(type: GGMLType, data: UnsafeRawBufferPointer, rows: Int, columns: Int) {
        guard columns % Self.blockSize == 0 else { return nil }
        let blocks = rows * columns / Self.blockSize
        self.rows = rows
        self.columns = columns
        var codes: [UInt8]
        var scales = [Float](repeating: 0, count: blocks)
        var offsets: [Float] = []
        switch type {
        case .q8_0:
            codesKind = .bytes
            codes = [UInt8](repeating: 0, count: blocks * 32)
            for b in 0..<blocks {
                scales[b] = Dequantize.half(data, b * 34)
                for j in 0..<32 { codes[b * 32 + j] = data[b * 34 + 2 + j] }
            }
        case .q4_0, .q4_1:
            codesKind = .nibbles
            let (stride, start) = type == .q4_0 ? (18, 2) : (20, 4)
            codes = [UInt8](repeating: 0, count: blocks * 16)
            offsets = [Float](repeating: 0, count: blocks)
            for b in 0..<blocks {
                let d = Dequantize.half(data, b * stride)
                scales[b] = d
                // Q4_0 is (q - 8) d, that is q d - 8 d.
                offsets[b] = type == .q4_0 ? -8 * d : Dequantize.half(data, b * stride + 2)
                for j in 0..<16 { codes[b * 16 + j] = data[b * stride + start + j] }
            }
        case .q4_K:
            codesKind = .nibbles
            codes = [UInt8](repeating: 0, count: blocks * 16)
            offsets = [Float](repeating: 0, count: blocks)
            // A super-block of 256 holds four 64-element pairs of sub-blocks; within a pair the
            // first sub-block is the low nibbles of 32 bytes, the second their high nibbles.
            for s in 0..<(blocks / 8) {
                let base = s * 144
                let d = Dequantize.half(data, base)
                let dmin = Dequantize.half(data, base + 2)
                for pair in 0..<4 {
                    let q = base + 16 + pair * 32
                    for half in 0..<2 {
                        let sub = 2 * pair + half
                        let (sc, m) = Dequantize.scaleMin(data, base + 4, sub)
                        let b = s * 8 + sub
                        scales[b] = d * sc
                        offsets[b] = -dmin * m
                        for j in 0..<16 {
                            let lo = half == 0 ? data[q + j] & 0x0F : data[q + j] >> 4
                            let hi = half == 0 ? data[q + j + 16] & 0x0F : data[q + j + 16] >> 4
                            codes[b * 16 + j] = lo | (hi << 4)
                        }
                    }
                }
            }
        default:
            return nil
        }
        let kind = codesKind
        (packed, self.scales, self.offsets) = Self.pack(
            codes: codes, scales: scales, offsets: offsets, kind: kind, rows: rows, columns: columns)
    }

    private static func pack(
        codes: [UInt8], scales: [Float], offsets: [Float], kind: Codes, rows: Int, columns: Int
    ) -> ([UInt8], [Float], [Float]) {
        let nibbles: Int32 = kind == .nibbles ? 1 : 0
        var packed = [UInt8](repeating: 0, count: Int(vr_packed_code_bytes(Int64(rows), Int64(columns), nibbles)))
        let count = Int(vr_packed_scale_count(Int64(rows), Int64(columns)))
        var packedScales = [Float](repeating: 0, count: count)
        var packedOffsets = [Float](repeating: 0, count: count)
        offsets.withUnsafeBufferPointer { offsetPointer in
            vr_pack_weights(
                &packed, &packedScales, &packedOffsets, codes, scales, offsets.isEmpty ? nil : offsetPointer.baseAddress,
                Int64(rows), Int64(columns), nibbles)
        }
        return (packed, packedScales, packedOffsets)
    }

    /// Rows stacked into one matrix (fused Q/K/V or gate/up), or nil if they differ in kind or
    /// a part other than the last ends inside a packed tile.
    init?(stacking parts: [QuantizedMatrix]) {
        guard let first = parts.first,
            parts.allSatisfy({ $0.codesKind == first.codesKind && $0.columns == first.columns }),
            parts.dropLast().allSatisfy({ $0.rows % Self.tileRows == 0 })
        else { return nil }
        codesKind = first.codesKind
        rows = parts.reduce(0) { $0 + $1.rows }
        columns = first.columns
        packed = parts.flatMap(\.packed)
        scales = parts.flatMap(\.scales)
        offsets = parts.flatMap(\.offsets)
    }

    /// The offset of row o's block k (tests and the naive kernel).
    func offset(_ o: Int, block k: Int) -> Float {
        offsets[((o / Self.tileRows) * blocksPerRow + k) * Self.tileRows + o % Self.tileRows]
    }

    /// Weight (o, c) as fp32 (tests and the naive kernel).
    func weight(_ o: Int, _ c: Int) -> Float {
        vr_packed_weight(packed, scales, offsets, Int64(columns), codesKind == .nibbles ? 1 : 0, Int64(o), Int64(c))
    }
}
