import Foundation
import TestSupport
import Testing

@testable import Policy

@Suite("GGUF files")
struct GGUFTests {
    static let fixtures = Fixtures.repoRoot.appendingPathComponent("Tests/PolicyTests/Fixtures")

    func write(_ writer: GGUFWriter) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("model.gguf")
        try writer.write(to: url)
        return url
    }

    @Test("dequantizes every supported type exactly as the gguf package's reference does")
    func dequantizeMatchesReference() throws {
        let gguf = try GGUFFile(path: Self.fixtures.appendingPathComponent("dequant.gguf").path)
        let types: [GGMLType] = [.f16, .bf16, .q4_0, .q4_1, .q8_0, .q4_K, .q6_K]
        for type in types {
            let tensor = try #require(gguf.tensor(type.name))
            #expect(tensor.type == type)
            let expected = try gguf.floats(try #require(gguf.tensor("expected.\(type.name)")))
            let actual = try gguf.floats(tensor)
            let worst = zip(actual, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            #expect(worst <= 1e-6, "\(type.name): worst relative difference \(worst)")
        }
    }

    @Test("metadata and tensors round-trip through the writer", arguments: [GGMLType.f32, .f16, .bf16, .q8_0, .q4_0, .q4_1])
    func roundTrip(type: GGMLType) throws {
        var writer = GGUFWriter()
        writer.set("general.architecture", .string("llama"))
        writer.set("test.int", .int32(-7))
        writer.set("test.floats", .array([.float32(1.5), .float32(-2)]))
        writer.set("test.flag", .bool(true))
        let values = (0..<256).map { Float(sin(Double($0) * 0.37)) }
        try writer.add("w", dimensions: [64, 4], values: values, as: type)
        let gguf = try GGUFFile(path: try write(writer).path)
        #expect(gguf.version == 3)
        #expect(gguf.metadata["test.int"] == .int32(-7))
        #expect(gguf.metadata["test.floats"]?.array?.count == 2)
        #expect(gguf.metadata["test.flag"]?.bool == true)
        #expect(gguf.metadataKeys == ["general.architecture", "test.int", "test.floats", "test.flag"])
        let tensor = try #require(gguf.tensor("w"))
        #expect(tensor.dimensions == [64, 4] && tensor.type == type)
        let back = try gguf.floats(tensor)
        let tolerance: Float = [.f32: 0, .f16: 1e-3, .bf16: 1e-2, .q8_0: 1e-2, .q4_0: 0.15, .q4_1: 0.08][type]!
        let worst = zip(back, values).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= tolerance, "\(type.name): worst error \(worst)")
    }

    @Test("a truncated file names the file and the problem at every cut")
    func truncated() throws {
        var writer = GGUFWriter()
        writer.set("general.architecture", .string("llama"))
        // 16 Q8_0 blocks are 544 bytes, a multiple of the alignment: every byte of the file matters.
        try writer.add("w", dimensions: [32, 16], values: Array(repeating: 1, count: 512), as: .q8_0)
        let full = writer.data()
        let dir = try Fixtures.temporaryDirectory()
        for cut in stride(from: 1, to: full.count, by: 7) {
            let url = dir.appendingPathComponent("cut\(cut).gguf")
            try full.prefix(cut).write(to: url)
            #expect {
                _ = try GGUFFile(path: url.path)
            } throws: { error in
                guard let e = error as? PolicyError, case .corruptModel(let path, _) = e else { return false }
                return path == url.path
            }
        }
    }

    @Test("wrong magic, unknown versions, unknown tensor types and missing files are clear errors")
    func otherCorruption() throws {
        let dir = try Fixtures.temporaryDirectory()
        let notGGUF = dir.appendingPathComponent("readme.gguf")
        try Data("hello world, not a model".utf8).write(to: notGGUF)
        #expect(throws: PolicyError.corruptModel(path: notGGUF.path, detail: "bad magic (not a GGUF file)")) {
            try GGUFFile(path: notGGUF.path)
        }
        var v9 = GGUFWriter().data()
        v9[4] = 9
        let v9URL = dir.appendingPathComponent("v9.gguf")
        try v9.write(to: v9URL)
        #expect(throws: PolicyError.self) { try GGUFFile(path: v9URL.path) }
        var writer = GGUFWriter()
        writer.addRaw("odd", dimensions: [4], type: .f32, bytes: Array(repeating: 0, count: 16))
        var bytes = writer.data()
        // The tensor type is the u32 after the name (8 + 3 bytes), dim count (4) and one dim (8).
        let typeOffset = 24 + 8 + 3 + 4 + 8
        bytes[typeOffset] = 99
        let badType = dir.appendingPathComponent("type.gguf")
        try bytes.write(to: badType)
        #expect(throws: PolicyError.unsupported(path: badType.path, detail: "tensor 'odd' has unknown type 99")) {
            try GGUFFile(path: badType.path)
        }
        #expect(throws: PolicyError.missingFile(path: "/nonexistent.gguf")) { try GGUFFile(path: "/nonexistent.gguf") }
        // Dimensions whose product overflows: refused at load, before any size arithmetic.
        var huge = GGUFWriter()
        huge.addRaw("huge", dimensions: [1 << 40, 1 << 40], type: .f32, bytes: Array(repeating: 0, count: 16))
        let hugeURL = dir.appendingPathComponent("huge.gguf")
        try huge.data().write(to: hugeURL)
        #expect {
            try GGUFFile(path: hugeURL.path)
        } throws: { error in
            String(describing: error).contains("more elements than the file can hold")
        }
    }

    @Test("model info refuses a file that would not load (a missing tensor)")
    func summaryChecksTensors() throws {
        let tiny = try GGUFFile(path: Self.fixtures.appendingPathComponent("tiny-llama.gguf").path)
        #expect(try ModelSummary(tiny).text.contains("llama"))
        // The same file without one tensor.
        var writer = GGUFWriter()
        for key in tiny.metadataKeys { writer.set(key, tiny.metadata[key]!) }
        let dropped = "blk.0.ffn_norm.weight"
        for t in tiny.tensors where t.name != dropped {
            writer.addRaw(t.name, dimensions: t.dimensions, type: t.type, bytes: Array(tiny.data(t)))
        }
        let url = try write(writer)
        #expect(throws: PolicyError.missingTensor(path: url.path, name: dropped)) {
            try ModelSummary(try GGUFFile(path: url.path))
        }
    }

    @Test("an unsupported architecture is named")
    func unsupportedArchitecture() throws {
        var writer = GGUFWriter()
        writer.set("general.architecture", .string("mamba"))
        try writer.add("token_embd.weight", dimensions: [4, 4], values: Array(repeating: 0, count: 16))
        let url = try write(writer)
        #expect(
            throws: PolicyError.unsupported(path: url.path, detail: "architecture 'mamba' (this engine runs llama and qwen2)")
        ) {
            try ModelConfig(try GGUFFile(path: url.path))
        }
    }

    @Test("reads the default model's hyperparameters from its metadata")
    func defaultModel() throws {
        let gguf = try GGUFFile(path: Fixtures.defaultModel.path)
        let config = try ModelConfig(gguf)
        #expect(config.architecture == .llama)
        #expect(config.layerCount == 30 && config.hiddenSize == 576 && config.feedForwardSize == 1536)
        #expect(config.headCount == 9 && config.kvHeadCount == 3 && config.headSize == 64)
        #expect(config.vocabularySize == 49152 && config.tiedOutput)
        #expect(config.ropeBase == 100_000)
        let summary = try ModelSummary(gguf).text
        #expect(summary.contains("Q4_1 x210"))
        #expect(summary.contains("gpt2 / smollm"))
        #expect(summary.contains("ChatML"))
        // Every tensor of the default model converts (spot-check one of each type).
        for type in Set(gguf.tensors.map(\.type)) {
            let tensor = gguf.tensors.first { $0.type == type }!
            let values = try gguf.floats(tensor)
            #expect(values.allSatisfy { $0.isFinite })
        }
    }
}
