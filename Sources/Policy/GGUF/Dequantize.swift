/// Conversion of ggml's storage formats to fp32, following the block layouts of ggml-common.h:
/// - Q4_0 (32 per block): f16 scale d, 16 bytes of nibbles; x = (q - 8) d, low nibbles first.
/// - Q4_1: f16 d, f16 m, 16 bytes of nibbles; x = q d + m.
/// - Q8_0: f16 d, 32 int8; x = q d.
/// - Q4_K (256 per super-block): f16 d, f16 dmin, 12 bytes of 6-bit scales and mins for eight
///   sub-blocks of 32, 128 bytes of nibbles; x = d sc q - dmin m.
/// - Q6_K: 128 bytes low nibbles, 64 bytes of high 2-bit pairs, 16 int8 scales, f16 d;
///   x = d sc (q - 32).
public enum Dequantize {
    public static func run(_ type: GGMLType, _ src: UnsafeRawBufferPointer, into dst: UnsafeMutableBufferPointer<Float>) {
        let n = dst.count
        switch type {
        case .f32:
            for i in 0..<n { dst[i] = Float(bitPattern: src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
        case .f16:
            for i in 0..<n { dst[i] = half(src, 2 * i) }
        case .bf16:
            for i in 0..<n { dst[i] = Float(bitPattern: UInt32(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16) }
        case .q4_0:
            for b in 0..<(n / 32) {
                let base = b * 18
                let d = half(src, base)
                for j in 0..<16 {
                    let q = src[base + 2 + j]
                    dst[b * 32 + j] = Float(Int(q & 0x0F) - 8) * d
                    dst[b * 32 + j + 16] = Float(Int(q >> 4) - 8) * d
                }
            }
        case .q4_1:
            for b in 0..<(n / 32) {
                let base = b * 20
                let d = half(src, base)
                let m = half(src, base + 2)
                for j in 0..<16 {
                    let q = src[base + 4 + j]
                    dst[b * 32 + j] = Float(q & 0x0F) * d + m
                    dst[b * 32 + j + 16] = Float(q >> 4) * d + m
                }
            }
        case .q8_0:
            for b in 0..<(n / 32) {
                let base = b * 34
                let d = half(src, base)
                for j in 0..<32 { dst[b * 32 + j] = Float(Int8(bitPattern: src[base + 2 + j])) * d }
            }
        case .q4_K:
            for b in 0..<(n / 256) { q4K(src, block: b, into: dst) }
        case .q6_K:
            for b in 0..<(n / 256) { q6K(src, block: b, into: dst) }
        default:
            preconditionFailure("Dequantize.run called with unsupported type \(type.name); callers check layout first")
        }
    }

    @inline(__always)
    static func half(_ src: UnsafeRawBufferPointer, _ offset: Int) -> Float {
        Float(Float16(bitPattern: src.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    /// The 6-bit scale and min of sub-block j from the 12 packed bytes at `s`.
    @inline(__always)
    static func scaleMin(_ src: UnsafeRawBufferPointer, _ s: Int, _ j: Int) -> (Float, Float) {
        if j < 4 {
            return (Float(src[s + j] & 63), Float(src[s + j + 4] & 63))
        }
        let sc = (src[s + j + 4] & 0x0F) | ((src[s + j - 4] >> 6) << 4)
        let m = (src[s + j + 4] >> 4) | ((src[s + j] >> 6) << 4)
        return (Float(sc), Float(m))
    }

    static func q4K(_ src: UnsafeRawBufferPointer, block b: Int, into dst: UnsafeMutableBufferPointer<Float>) {
        let base = b * 144
        let d = half(src, base)
        let dmin = half(src, base + 2)
        let scales = base + 4
        var q = base + 16
        var out = b * 256
        for pair in 0..<4 {  // 64 elements: 32 low nibbles, then 32 high nibbles
            let (sc1, m1) = scaleMin(src, scales, 2 * pair)
            let (sc2, m2) = scaleMin(src, scales, 2 * pair + 1)
            for l in 0..<32 { dst[out + l] = d * sc1 * Float(src[q + l] & 0x0F) - dmin * m1 }
            for l in 0..<32 { dst[out + 32 + l] = d * sc2 * Float(src[q + l] >> 4) - dmin * m2 }
            q += 32
            out += 64
        }
    }

    static func q6K(_ src: UnsafeRawBufferPointer, block b: Int, into dst: UnsafeMutableBufferPointer<Float>) {
        let base = b * 210
        var ql = base
        var qh = base + 128
        var sc = base + 192
        let d = half(src, base + 208)
        var out = b * 256
        for _ in 0..<2 {  // two halves of 128
            for l in 0..<32 {
                let s = l / 16
                let h = src[qh + l]
                let q1 = Int((src[ql + l] & 0x0F) | ((h & 3) << 4)) - 32
                let q2 = Int((src[ql + l + 32] & 0x0F) | (((h >> 2) & 3) << 4)) - 32
                let q3 = Int((src[ql + l] >> 4) | (((h >> 4) & 3) << 4)) - 32
                let q4 = Int((src[ql + l + 32] >> 4) | (((h >> 6) & 3) << 4)) - 32
                dst[out + l] = d * Float(Int8(bitPattern: src[sc + s])) * Float(q1)
                dst[out + l + 32] = d * Float(Int8(bitPattern: src[sc + s + 2])) * Float(q2)
                dst[out + l + 64] = d * Float(Int8(bitPattern: src[sc + s + 4])) * Float(q3)
                dst[out + l + 96] = d * Float(Int8(bitPattern: src[sc + s + 6])) * Float(q4)
            }
            ql += 64
            qh += 32
            sc += 8
            out += 128
        }
    }
}
