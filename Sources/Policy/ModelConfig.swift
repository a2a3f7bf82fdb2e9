/// The model families this engine runs.
public enum Architecture: String, Sendable, Codable {
    /// Llama and its descendants (SmolLM2): RoPE on adjacent pairs, as llama.cpp's converter
    /// permutes Q and K for it.
    case llama
    /// Qwen2 (Qwen2.5-Coder, VeriReason's released models): q/k/v biases, RoPE on halves (NeoX).
    case qwen2
}

/// Hyperparameters read from GGUF metadata (`<arch>.block_count` and friends).
public struct ModelConfig: Sendable, Hashable {
    public var architecture: Architecture
    public var layerCount: Int
    public var hiddenSize: Int
    public var feedForwardSize: Int
    public var headCount: Int
    public var kvHeadCount: Int
    public var headSize: Int
    public var vocabularySize: Int
    public var contextLength: Int
    public var ropeBase: Float
    /// Linear RoPE scaling factor (1 = none).
    public var ropeScale: Float
    public var normEpsilon: Float
    /// No `output.weight`: the output head reuses the token embedding.
    public var tiedOutput: Bool

    public init(_ gguf: GGUFFile) throws {
        let path = gguf.path
        guard let archName = gguf.metadata["general.architecture"]?.string else {
            throw PolicyError.missingMetadata(path: path, key: "general.architecture")
        }
        guard let arch = Architecture(rawValue: archName) else {
            throw PolicyError.unsupported(path: path, detail: "architecture '\(archName)' (this engine runs llama and qwen2)")
        }
        func int(_ key: String) throws -> Int {
            guard let v = gguf.metadata["\(archName).\(key)"]?.int, v > 0 else {
                throw PolicyError.missingMetadata(path: path, key: "\(archName).\(key)")
            }
            return v
        }
        architecture = arch
        layerCount = try int("block_count")
        hiddenSize = try int("embedding_length")
        feedForwardSize = try int("feed_forward_length")
        headCount = try int("attention.head_count")
        kvHeadCount = gguf.metadata["\(archName).attention.head_count_kv"]?.int ?? headCount
        contextLength = gguf.metadata["\(archName).context_length"]?.int ?? 2048
        guard hiddenSize % headCount == 0, headCount % kvHeadCount == 0 else {
            throw PolicyError.corruptModel(
                path: path, detail: "head counts \(headCount)/\(kvHeadCount) do not divide \(hiddenSize)")
        }
        headSize = gguf.metadata["\(archName).rope.dimension_count"]?.int ?? hiddenSize / headCount
        ropeBase = Float(gguf.metadata["\(archName).rope.freq_base"]?.double ?? 10_000)
        ropeScale = Float(gguf.metadata["\(archName).rope.scale_linear"]?.double ?? 1)
        normEpsilon = Float(gguf.metadata["\(archName).attention.layer_norm_rms_epsilon"]?.double ?? 1e-6)
        guard let embedding = gguf.tensor("token_embd.weight") else {
            throw PolicyError.missingTensor(path: path, name: "token_embd.weight")
        }
        vocabularySize = gguf.metadata["\(archName).vocab_size"]?.int ?? embedding.dimensions.last ?? 0
        tiedOutput = gguf.tensor("output.weight") == nil
    }
}
