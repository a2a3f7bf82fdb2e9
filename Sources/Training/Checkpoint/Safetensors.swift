import Foundation

/// The safetensors format for fp32 tensors: an 8-byte little-endian header length, a JSON header
/// mapping each name to dtype, shape and byte range, then the raw little-endian data.
public enum Safetensors {
    /// A named fp32 tensor, row-major.
    public struct Tensor: Sendable {
        public var name: String
        public var shape: [Int]
        public var values: [Float]

        public init(name: String, shape: [Int], values: [Float]) {
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// The file's bytes; tensors are stored in name order.
    public static func encode(_ tensors: [Tensor], metadata: [String: String] = ["format": "pt"]) throws -> Data {
        let sorted = tensors.sorted { $0.name < $1.name }
        var header: [String: Any] = ["__metadata__": metadata]
        var offset = 0
        for t in sorted {
            let bytes = t.values.count * 4
            header[t.name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + bytes]]
            offset += bytes
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        // Readers memory-map the data, so it starts 8-byte aligned; spaces are valid JSON padding.
        while (8 + json.count) % 8 != 0 { json.append(0x20) }
        var data = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for t in sorted {
            for v in t.values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        return data
    }

    /// Reads a file written by `encode` (F32 tensors only).
    public static func decode(_ data: Data) throws -> [String: Tensor] {
        guard data.count >= 8 else { throw TrainingError.invalidSettings("safetensors data shorter than its header length") }
        let length = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard 8 + length <= data.count,
            let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + length))) as? [String: Any]
        else { throw TrainingError.invalidSettings("safetensors header is not a JSON object") }
        let base = 8 + length
        var tensors: [String: Tensor] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], entry["dtype"] as? String == "F32",
                let shape = entry["shape"] as? [Int], let range = entry["data_offsets"] as? [Int], range.count == 2
            else { throw TrainingError.invalidSettings("safetensors entry \(name) is not an F32 tensor") }
            let bytes = data.subdata(in: (base + range[0])..<(base + range[1]))
            let values = stride(from: 0, to: bytes.count, by: 4).map { i in
                Float(
                    bitPattern: bytes[bytes.startIndex + i..<bytes.startIndex + i + 4].reversed().reduce(0) {
                        $0 << 8 | UInt32($1)
                    })
            }
            tensors[name] = Tensor(name: name, shape: shape, values: values)
        }
        return tensors
    }
}
