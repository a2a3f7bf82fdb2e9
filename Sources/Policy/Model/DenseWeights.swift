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

        public init(
            attentionNorm: [Float], qkv: [Float], qkvBias: [Float]?, attentionOutput: [Float], ffnNorm: [Float],
            gateUp: [Float], down: [Float]
        ) {
            self.attentionNorm = attentionNorm
            self.qkv = qkv
            self.qkvBias = qkvBias
            self.attentionOutput = attentionOutput
            self.ffnNorm = ffnNorm
            self.gateUp = gateUp
            self.down = down
        }
    }

    public var tokenEmbedding: [Float]  // (V, C)
    public var layers: [Layer]
    public var outputNorm: [Float]  // (C)
    /// (V, C), or nil when the head is tied to the token embedding.
    public var output: [Float]?

    public init(tokenEmbedding: [Float], layers: [Layer], outputNorm: [Float], output: [Float]?) {
        self.tokenEmbedding = tokenEmbedding
        self.layers = layers
        self.outputNorm = outputNorm
        self.output = output
    }
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

extension ModelWeights {
    /// Weights from fp32 values (a model being trained); with `decoding` set, each matrix is also
    /// quantised to that type for the decoding kernels, as if it had been read from such a file.
    init(_ dense: DenseWeights, config: ModelConfig, decoding: GGMLType?) throws {
        let C = config.hiddenSize
        let QD = config.headCount * config.headSize
        let KVD = config.kvHeadCount * config.headSize
        let F = config.feedForwardSize
        let V = config.vocabularySize
        func linear(_ values: [Float], _ rows: Int, _ columns: Int, bias: [Float]? = nil) throws -> Linear {
            guard values.count == rows * columns else {
                throw PolicyError.unsupported(
                    path: "(training weights)", detail: "a \(rows)x\(columns) matrix with \(values.count) values")
            }
            var quantized: QuantizedMatrix?
            if let decoding, columns % QuantizedMatrix.blockSize == 0 {
                let bytes = try Quantize.bytes(values, as: decoding)
                quantized = bytes.withUnsafeBytes { QuantizedMatrix(type: decoding, data: $0, rows: rows, columns: columns) }
            }
            return Linear(rows: rows, columns: columns, dense: values, quantized: quantized, bias: bias)
        }
        tokenEmbedding = dense.tokenEmbedding
        layers = try dense.layers.map { layer in
            LayerWeights(
                attentionNorm: layer.attentionNorm, qkv: try linear(layer.qkv, QD + 2 * KVD, C, bias: layer.qkvBias),
                attentionOutput: try linear(layer.attentionOutput, C, QD), ffnNorm: layer.ffnNorm,
                gateUp: try linear(layer.gateUp, 2 * F, C), down: try linear(layer.down, C, F))
        }
        outputNorm = dense.outputNorm
        output = try linear(dense.output ?? dense.tokenEmbedding, V, C)
    }
}
