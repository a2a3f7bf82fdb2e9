/// The fp32 form of every weight of a model, in GGUF's row-major `[out][in]` layout, for
/// training: quantised tensors arrive dequantised. Q/K/V and gate/up stay stacked as the
/// forward pass uses them.
public struct DenseWeights: Sendable {
    /// One transformer block.
    public struct Layer: Sendable {
        public var attentionNorm: [Float]  // (C)
        /// Q, K and V stacked: (NH*HS + 2*KVH*HS, C).
        public var qkv: [Float]
        /// qwen2's Q/K/V biases, stacked like `qkv` (zeros for a part without one).
        public var qkvBias: [Float]?
        public var attentionOutput: [Float]  // (C, NH*HS)
        public var ffnNorm: [Float]  // (C)
        /// Gate and up stacked: (2F, C).
        public var gateUp: [Float]
        public var down: [Float]  // (C, F)
    }

    public var tokenEmbedding: [Float]  // (V, C)
    public var layers: [Layer]
    public var outputNorm: [Float]  // (C)
    /// (V, C), or nil when the head is tied to the token embedding.
    public var output: [Float]?
}

extension LanguageModel {
    /// A copy of the weights in fp32 (training starts from these).
    public var denseWeights: DenseWeights {
        DenseWeights(
            tokenEmbedding: weights.tokenEmbedding,
            layers: weights.layers.map {
                DenseWeights.Layer(
                    attentionNorm: $0.attentionNorm, qkv: $0.qkv.dense, qkvBias: $0.qkv.bias,
                    attentionOutput: $0.attentionOutput.dense, ffnNorm: $0.ffnNorm, gateUp: $0.gateUp.dense,
                    down: $0.down.dense)
            },
            outputNorm: weights.outputNorm,
            output: config.tiedOutput ? nil : weights.output.dense)
    }
}
