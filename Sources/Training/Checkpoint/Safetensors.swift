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

    /// Reads a safetensors file written by `encode` (F32 tensors only).
    public static func read(_ url: URL) throws -> [String: Tensor] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TrainingError.unreadableData(path: url.path, reason: "no such file, or not readable")
        }
        return try decode(data, path: url.path)
    }

    /// Decodes the bytes of a file written by `encode` (F32 tensors only); `path` names it in errors.
    public static func decode(_ data: Data, path: String = "safetensors data") throws -> [String: Tensor] {
        func corrupt(_ detail: String) -> TrainingError { .corruptCheckpoint(path: path, detail: detail) }
        guard data.count >= 8 else { throw corrupt("shorter than its header length") }
        let declared = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
        guard declared <= UInt64(data.count - 8) else {
            throw corrupt("its header claims \(declared) bytes, the file has \(data.count - 8) after the length")
        }
        let base = 8 + Int(declared)
        guard let header = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<base)) as? [String: Any] else {
            throw corrupt("the header is not a JSON object")
        }
        var tensors: [String: Tensor] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], entry["dtype"] as? String == "F32",
                let shape = entry["shape"] as? [Int], let range = entry["data_offsets"] as? [Int], range.count == 2
            else { throw corrupt("entry \(name) is not an F32 tensor") }
            var elements = 1
            for d in shape {
                let (product, overflow) = elements.multipliedReportingOverflow(by: d)
                guard d >= 0, !overflow else { throw corrupt("entry \(name) has shape \(shape)") }
                elements = product
            }
            let (bytes, overflow) = elements.multipliedReportingOverflow(by: 4)
            guard !overflow, range[0] >= 0, range[0] <= range[1], range[1] <= data.count - base,
                range[1] - range[0] == bytes
            else {
                throw corrupt("entry \(name): data_offsets \(range) do not fit shape \(shape) within the file")
            }
            let raw = data.subdata(in: (base + range[0])..<(base + range[1]))
            let values = stride(from: 0, to: raw.count, by: 4).map { i in
                Float(
                    bitPattern: raw[raw.startIndex + i..<raw.startIndex + i + 4].reversed().reduce(0) {
                        $0 << 8 | UInt32($1)
                    })
            }
            tensors[name] = Tensor(name: name, shape: shape, values: values)
        }
        return tensors
    }
}
