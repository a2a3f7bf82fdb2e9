import Foundation

/// One tensor's description in a GGUF file.
public struct TensorInfo: Sendable, Hashable {
    public var name: String
    /// Dimensions as GGUF lists them: the first is the contiguous one (a row's length).
    public var dimensions: [Int]
    public var type: GGMLType
    /// Absolute byte offset in the file.
    public var offset: Int
    public var byteCount: Int

    public var elementCount: Int { dimensions.reduce(1, *) }
}

/// A parsed GGUF file (versions 2 and 3): metadata, tensor descriptions, and the memory map
/// the tensor data is read from. Every read is bounds-checked, so a truncated or corrupt file
/// is an error naming what is wrong, never a crash.
public struct GGUFFile: Sendable {
    public let version: Int
    public let metadata: [String: GGUFValue]
    /// Metadata keys in file order.
    public let metadataKeys: [String]
    public let tensors: [TensorInfo]
    public let alignment: Int
    public let file: MappedFile

    public var path: String { file.path }

    public init(path: String) throws {
        let file = try MappedFile(path: path)
        var reader = ByteReader(bytes: file.bytes, path: path)
        let magic = try reader.read(UInt32.self)
        guard magic == 0x4655_4747 else {  // "GGUF" little-endian
            throw PolicyError.corruptModel(path: path, detail: "bad magic (not a GGUF file)")
        }
        let version = Int(try reader.read(UInt32.self))
        guard version == 2 || version == 3 else {
            throw PolicyError.unsupported(path: path, detail: "GGUF version \(version) (this engine reads versions 2 and 3)")
        }
        let tensorCount = try reader.readCount("tensor count")
        let kvCount = try reader.readCount("metadata count")
        var metadata: [String: GGUFValue] = [:]
        var keys: [String] = []
        for _ in 0..<kvCount {
            let key = try reader.readString()
            let type = try reader.read(UInt32.self)
            metadata[key] = try reader.readValue(type: type, key: key, depth: 0)
            keys.append(key)
        }
        let alignment = metadata["general.alignment"]?.int ?? 32
        guard alignment > 0, alignment & (alignment - 1) == 0 else {
            throw PolicyError.corruptModel(path: path, detail: "general.alignment \(alignment) is not a power of two")
        }
        var infos: [(String, [Int], UInt32, Int)] = []
        for _ in 0..<tensorCount {
            let name = try reader.readString()
            let dimCount = Int(try reader.read(UInt32.self))
            guard (1...4).contains(dimCount) else {
                throw PolicyError.corruptModel(path: path, detail: "tensor '\(name)' has \(dimCount) dimensions")
            }
            var dims: [Int] = []
            for _ in 0..<dimCount { dims.append(try reader.readCount("dimension of \(name)")) }
            let type = try reader.read(UInt32.self)
            let offset = try reader.readCount("offset of \(name)")
            infos.append((name, dims, type, offset))
        }
        let dataStart = (reader.position + alignment - 1) / alignment * alignment
        var tensors: [TensorInfo] = []
        for (name, dims, typeCode, offset) in infos {
            guard let type = GGMLType(rawValue: typeCode) else {
                throw PolicyError.unsupported(path: path, detail: "tensor '\(name)' has unknown type \(typeCode)")
            }
            // No tensor type stores an element in less than a bit, so a count above eight per
            // byte of the file (or one that overflows) is a corrupt header, refused before any
            // size arithmetic can overflow.
            var count = 1
            for d in dims {
                let (product, overflow) = count.multipliedReportingOverflow(by: d)
                guard !overflow, product <= file.bytes.count * 8 else {
                    throw PolicyError.corruptModel(
                        path: path, detail: "tensor '\(name)' has dimensions \(dims), more elements than the file can hold")
                }
                count = product
            }
            var bytes = 0
            if let b = type.byteCount(elements: count) {
                bytes = b
            } else if type.layout != nil {
                throw PolicyError.corruptModel(
                    path: path, detail: "tensor '\(name)' (\(type.name)) has \(count) elements, not whole blocks")
            }
            let start = dataStart + offset
            guard offset >= 0, start <= file.bytes.count, bytes <= file.bytes.count - start else {
                throw PolicyError.corruptModel(path: path, detail: "tensor '\(name)' lies past the end of the file (truncated?)")
            }
            tensors.append(TensorInfo(name: name, dimensions: dims, type: type, offset: start, byteCount: bytes))
        }
        self.version = version
        self.metadata = metadata
        self.metadataKeys = keys
        self.tensors = tensors
        self.alignment = alignment
        self.file = file
    }

    public func tensor(_ name: String) -> TensorInfo? { tensors.first { $0.name == name } }

    /// The raw bytes of a tensor, in place in the memory map.
    public func data(_ tensor: TensorInfo) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: file.bytes[tensor.offset..<(tensor.offset + tensor.byteCount)])
    }

    /// A tensor converted to fp32, with an error naming the file if its type is unsupported.
    public func floats(_ tensor: TensorInfo) throws -> [Float] {
        guard tensor.type.layout != nil else {
            throw PolicyError.unsupported(path: path, detail: "tensor '\(tensor.name)' has type \(tensor.type.name)")
        }
        var out = [Float](repeating: 0, count: tensor.elementCount)
        out.withUnsafeMutableBufferPointer { Dequantize.run(tensor.type, data(tensor), into: $0) }
        return out
    }
}

/// A bounds-checked little-endian cursor.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    let path: String
    var position = 0

    init(bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard position + size <= bytes.count else {
            throw PolicyError.corruptModel(path: path, detail: "truncated at byte \(position)")
        }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: T.self)
        position += size
        return T(littleEndian: value)
    }

    /// A u64 count that must fit comfortably in memory-sized numbers.
    mutating func readCount(_ what: String) throws -> Int {
        let v = try read(UInt64.self)
        guard v < UInt64(1) << 48 else { throw PolicyError.corruptModel(path: path, detail: "implausible \(what) \(v)") }
        return Int(v)
    }

    mutating func readString() throws -> String {
        let length = try readCount("string length")
        guard length <= bytes.count - position else {
            throw PolicyError.corruptModel(
                path: path, detail: "string of \(length) bytes past the end of the file at byte \(position)")
        }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
        position += length
        return s
    }

    mutating func readValue(type: UInt32, key: String, depth: Int) throws -> GGUFValue {
        switch type {
        case 0: return .uint8(try read(UInt8.self))
        case 1: return .int8(try read(Int8.self))
        case 2: return .uint16(try read(UInt16.self))
        case 3: return .int16(try read(Int16.self))
        case 4: return .uint32(try read(UInt32.self))
        case 5: return .int32(try read(Int32.self))
        case 6: return .float32(Float(bitPattern: try read(UInt32.self)))
        case 7: return .bool(try read(UInt8.self) != 0)
        case 8: return .string(try readString())
        case 9:
            guard depth < 2 else { throw PolicyError.corruptModel(path: path, detail: "nested arrays too deep in '\(key)'") }
            let elementType = try read(UInt32.self)
            let count = try readCount("array length of '\(key)'")
            guard count <= bytes.count - position else {
                throw PolicyError.corruptModel(path: path, detail: "array '\(key)' longer than the file")
            }
            var values: [GGUFValue] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try readValue(type: elementType, key: key, depth: depth + 1)) }
            return .array(values)
        case 10: return .uint64(try read(UInt64.self))
        case 11: return .int64(try read(Int64.self))
        case 12: return .float64(Double(bitPattern: try read(UInt64.self)))
        default:
            throw PolicyError.corruptModel(path: path, detail: "metadata '\(key)' has unknown value type \(type)")
        }
    }
}
