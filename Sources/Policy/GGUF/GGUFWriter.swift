import Foundation

/// Writes GGUF version 3 files: metadata in insertion order, then tensor descriptions, then the
/// aligned tensor data. Used for checkpoints and for the tiny models the tests build.
public struct GGUFWriter {
    public private(set) var metadata: [(String, GGUFValue)] = []
    private var tensors: [(name: String, dimensions: [Int], type: GGMLType, data: [UInt8])] = []
    public var alignment = 32

    public init() {}

    public mutating func set(_ key: String, _ value: GGUFValue) {
        metadata.removeAll { $0.0 == key }
        metadata.append((key, value))
    }

    /// Adds an fp32 tensor stored as `type` (F32, F16, BF16, Q8_0, Q4_0 or Q4_1).
    /// `dimensions` are in GGUF order (the contiguous dimension first).
    public mutating func add(_ name: String, dimensions: [Int], values: [Float], as type: GGMLType = .f32) throws {
        precondition(dimensions.reduce(1, *) == values.count, "tensor \(name): \(values.count) values for \(dimensions)")
        tensors.append((name, dimensions, type, try Quantize.bytes(values, as: type)))
    }

    /// Adds a tensor from raw bytes already in `type`'s layout.
    public mutating func addRaw(_ name: String, dimensions: [Int], type: GGMLType, bytes: [UInt8]) {
        tensors.append((name, dimensions, type, bytes))
    }

    public func data() -> Data {
        var out = Data()
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func string(_ s: String) {
            u64(UInt64(s.utf8.count))
            out.append(contentsOf: Array(s.utf8))
        }
        func value(_ v: GGUFValue) {
            switch v {
            case .uint8(let x): out.append(x)
            case .int8(let x): out.append(UInt8(bitPattern: x))
            case .uint16(let x): withUnsafeBytes(of: x.littleEndian) { out.append(contentsOf: $0) }
            case .int16(let x): withUnsafeBytes(of: x.littleEndian) { out.append(contentsOf: $0) }
            case .uint32(let x): u32(x)
            case .int32(let x): u32(UInt32(bitPattern: x))
            case .uint64(let x): u64(x)
            case .int64(let x): u64(UInt64(bitPattern: x))
            case .float32(let x): u32(x.bitPattern)
            case .float64(let x): u64(x.bitPattern)
            case .bool(let x): out.append(x ? 1 : 0)
            case .string(let s): string(s)
            case .array(let items):
                u32(items.first?.typeCode ?? 4)
                u64(UInt64(items.count))
                items.forEach(value)
            }
        }
        u32(0x4655_4747)
        u32(3)
        u64(UInt64(tensors.count))
        var meta = metadata
        if alignment != 32 && !meta.contains(where: { $0.0 == "general.alignment" }) {
            meta.append(("general.alignment", .uint32(UInt32(alignment))))
        }
        u64(UInt64(meta.count))
        for (key, v) in meta {
            string(key)
            u32(v.typeCode)
            value(v)
        }
        var offset = 0
        var offsets: [Int] = []
        for t in tensors {
            offsets.append(offset)
            offset += (t.data.count + alignment - 1) / alignment * alignment
        }
        for (t, o) in zip(tensors, offsets) {
            string(t.name)
            u32(UInt32(t.dimensions.count))
            t.dimensions.forEach { u64(UInt64($0)) }
            u32(t.type.rawValue)
            u64(UInt64(o))
        }
        while out.count % alignment != 0 { out.append(0) }
        for t in tensors {
            out.append(contentsOf: t.data)
            while out.count % alignment != 0 { out.append(0) }
        }
        return out
    }

    public func write(to url: URL) throws {
        try data().write(to: url, options: .atomic)
    }
}

/// fp32 to ggml storage formats (the simple ones; k-quants are read, not written).
public enum Quantize {
    public static func bytes(_ values: [Float], as type: GGMLType) throws -> [UInt8] {
        var out: [UInt8] = []
        func half(_ x: Float) {
            withUnsafeBytes(of: Float16(x).bitPattern.littleEndian) { out.append(contentsOf: $0) }
        }
        switch type {
        case .f32:
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        case .f16:
            values.forEach(half)
        case .bf16:
            for v in values {
                // Round to nearest even on the upper 16 bits.
                let bits = v.bitPattern
                let rounded = UInt16(truncatingIfNeeded: (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16)
                withUnsafeBytes(of: rounded.littleEndian) { out.append(contentsOf: $0) }
            }
        case .q8_0:
            precondition(values.count % 32 == 0)
            for b in stride(from: 0, to: values.count, by: 32) {
                let block = values[b..<(b + 32)]
                let amax = block.map(abs).max() ?? 0
                let d = amax / 127
                half(d)
                for v in block { out.append(UInt8(bitPattern: Int8(d == 0 ? 0 : (v / d).rounded()))) }
            }
        case .q4_0:
            precondition(values.count % 32 == 0)
            for b in stride(from: 0, to: values.count, by: 32) {
                let block = Array(values[b..<(b + 32)])
                let extreme = block.max { abs($0) < abs($1) } ?? 0
                let d = extreme / -8
                half(d)
                let inv: Float = d == 0 ? 0 : 1 / d
                func q(_ x: Float) -> UInt8 { UInt8(min(15, max(0, (x * inv + 8.5).rounded(.down)))) }
                for j in 0..<16 { out.append(q(block[j]) | (q(block[j + 16]) << 4)) }
            }
        case .q4_1:
            precondition(values.count % 32 == 0)
            for b in stride(from: 0, to: values.count, by: 32) {
                let block = Array(values[b..<(b + 32)])
                let lo = block.min() ?? 0
                let hi = block.max() ?? 0
                let d = (hi - lo) / 15
                half(d)
                half(lo)
                let inv: Float = d == 0 ? 0 : 1 / d
                func q(_ x: Float) -> UInt8 { UInt8(min(15, max(0, ((x - lo) * inv).rounded()))) }
                for j in 0..<16 { out.append(q(block[j]) | (q(block[j + 16]) << 4)) }
            }
        default:
            throw PolicyError.unsupported(path: "(writer)", detail: "writing tensors of type \(type.name)")
        }
        return out
    }
}
