import Foundation

/// What `verireason model info` shows about a GGUF file.
public struct ModelSummary: Sendable {
    public var lines: [(String, String)]

    public init(_ gguf: GGUFFile) throws {
        let config = try ModelConfig(gguf)
        // Say whether the file would load: every tensor present, with its shape.
        _ = try ModelWeights(gguf, config: config, shapesOnly: true)
        var lines: [(String, String)] = []
        lines.append(("file", gguf.path))
        lines.append(("gguf version", "\(gguf.version)"))
        if let name = gguf.metadata["general.name"]?.string { lines.append(("name", name)) }
        lines.append(("architecture", config.architecture.rawValue))
        let parameters = gguf.tensors.reduce(0) { $0 + $1.elementCount }
        lines.append(("parameters", Self.count(parameters)))
        lines.append(("layers", "\(config.layerCount)"))
        lines.append(("hidden size", "\(config.hiddenSize)"))
        lines.append(("feed-forward size", "\(config.feedForwardSize)"))
        lines.append(("attention heads", "\(config.headCount) (KV heads \(config.kvHeadCount), head size \(config.headSize))"))
        lines.append(("vocabulary", "\(config.vocabularySize)"))
        lines.append(("context length", "\(config.contextLength)"))
        lines.append(("rope base", "\(config.ropeBase)" + (config.ropeScale != 1 ? ", linear scale \(config.ropeScale)" : "")))
        lines.append(("norm epsilon", "\(config.normEpsilon)"))
        lines.append(("output head", config.tiedOutput ? "tied to token embedding" : "separate"))
        var types: [String: (count: Int, bytes: Int)] = [:]
        for t in gguf.tensors { types[t.type.name, default: (0, 0)].count += 1; types[t.type.name]!.bytes += t.byteCount }
        lines.append(
            ("tensor types", types.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value.count)" }.joined(separator: ", ")))
        let unsupported = Set(gguf.tensors.filter { $0.type.layout == nil }.map(\.type.name))
        if !unsupported.isEmpty { lines.append(("unsupported types", unsupported.sorted().joined(separator: ", "))) }
        let tokenizer = [gguf.metadata["tokenizer.ggml.model"]?.string, gguf.metadata["tokenizer.ggml.pre"]?.string]
            .compactMap { $0 }.joined(separator: " / ")
        lines.append(("tokenizer", tokenizer.isEmpty ? "(none)" : tokenizer))
        if let template = gguf.metadata["tokenizer.chat_template"]?.string {
            lines.append(
                ("chat template", template.contains("<|im_start|>") ? "ChatML" : "custom (\(template.count) characters)"))
        } else {
            lines.append(("chat template", "(none)"))
        }
        self.lines = lines
    }

    static func count(_ n: Int) -> String {
        n >= 1_000_000_000 ? String(format: "%.2fB", Double(n) / 1e9) : String(format: "%.1fM", Double(n) / 1e6)
    }

    public var text: String {
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}
