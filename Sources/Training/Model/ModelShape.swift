import Policy

/// The dimensions and constants of a Llama/Qwen2 model that training needs, with llm.c's
/// letters: L layers, C channels, F feed-forward size, NH query heads, KVH KV heads, HS head
/// size, V vocabulary.
public struct ModelShape: Sendable, Hashable {
    public var L: Int
    public var C: Int
    public var F: Int
    public var NH: Int
    public var KVH: Int
    public var HS: Int
    public var V: Int
    public var ropeBase: Float
    public var ropeScale: Float
    public var eps: Float
    /// RoPE on halves (qwen2) instead of adjacent pairs (llama).
    public var neox: Bool
    /// Q/K/V biases (qwen2).
    public var qkvBias: Bool
    /// The output head is the token embedding.
    public var tiedOutput: Bool

    public var QD: Int { NH * HS }
    public var KVD: Int { KVH * HS }
    public var QKV: Int { QD + 2 * KVD }

    public init(config: ModelConfig, qkvBias: Bool) {
        L = config.layerCount
        C = config.hiddenSize
        F = config.feedForwardSize
        NH = config.headCount
        KVH = config.kvHeadCount
        HS = config.headSize
        V = config.vocabularySize
        ropeBase = config.ropeBase
        ropeScale = config.ropeScale
        eps = config.normEpsilon
        neox = config.architecture == .qwen2
        self.qkvBias = qkvBias
        tiedOutput = config.tiedOutput
    }
}
