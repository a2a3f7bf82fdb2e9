/// Tensor element types of ggml, by their numbers in the GGUF format.
public enum GGMLType: UInt32, Sendable, CaseIterable {
    case f32 = 0, f16 = 1, q4_0 = 2, q4_1 = 3, q5_0 = 6, q5_1 = 7, q8_0 = 8, q8_1 = 9
    case q2_K = 10, q3_K = 11, q4_K = 12, q5_K = 13, q6_K = 14, q8_K = 15
    case iq2_xxs = 16, iq2_xs = 17, iq3_xxs = 18, iq1_s = 19, iq4_nl = 20, iq3_s = 21, iq2_s = 22, iq4_xs = 23
    case i8 = 24, i16 = 25, i32 = 26, i64 = 27, f64 = 28, iq1_m = 29, bf16 = 30

    /// Elements per block and bytes per block; nil for types this engine cannot read.
    public var layout: (blockSize: Int, blockBytes: Int)? {
        switch self {
        case .f32: return (1, 4)
        case .f16, .bf16: return (1, 2)
        case .q4_0: return (32, 18)
        case .q4_1: return (32, 20)
        case .q8_0: return (32, 34)
        case .q4_K: return (256, 144)
        case .q6_K: return (256, 210)
        default: return nil
        }
    }

    public var name: String { String(describing: self).uppercased() }

    /// Bytes for `count` elements (which must be a whole number of blocks).
    public func byteCount(elements count: Int) -> Int? {
        guard let (size, bytes) = layout, count % size == 0 else { return nil }
        return count / size * bytes
    }
}
