/// One weight matrix (OC, C), row-major `[out][in]` as GGUF stores it, in two forms: the file's
/// quantised form for the integer kernels when its type has one (see `QuantizedMatrix`), and fp32
/// for OpenBLAS GEMMs (types without one, `--dense`, and training).
struct Linear {
    let rows: Int
    let columns: Int
    var dense: [Float]
    var quantized: QuantizedMatrix?
    var bias: [Float]?

    /// Several matrices with the same input stacked into one (Q/K/V, gate/up): one product, one
    /// thread dispatch, instead of several.
    init(stacking parts: [Linear]) {
        rows = parts.reduce(0) { $0 + $1.rows }
        columns = parts[0].columns
        dense = parts.flatMap(\.dense)
        let quantizedParts = parts.compactMap(\.quantized)
        quantized = quantizedParts.count == parts.count ? QuantizedMatrix(stacking: quantizedParts) : nil
        bias = parts.contains { $0.bias != nil } ? parts.flatMap { $0.bias ?? [Float](repeating: 0, count: $0.rows) } : nil
    }

    init(rows: Int, columns: Int, dense: [Float], quantized: QuantizedMatrix?, bias: [Float]? = nil) {
        self.rows = rows
        self.columns = columns
        self.dense = dense
        self.quantized = quantized
        self.bias = bias
    }

    /// out (B, rows) = inp (B, columns) · Wᵀ + bias: the quantised kernel when `useQuantized`
    /// and available, else OpenBLAS.
    func apply(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, B: Int, useQuantized: Bool, pool: WorkerPool) {
        bias.withOptionalPointer { biasPointer in
            if useQuantized, let quantized {
                quantizedMatmul(out, inp, quantized, biasPointer, B: B, pool: pool)
            } else {
                dense.withUnsafeBufferPointer {
                    matmul(out, inp, $0.baseAddress!, biasPointer, B: B, C: columns, OC: rows)
                }
            }
        }
    }
}

extension Optional where Wrapped == [Float] {
    /// Calls `body` with a pointer to the array's elements, or nil.
    func withOptionalPointer<R>(_ body: (UnsafePointer<Float>?) -> R) -> R {
        switch self {
        case .some(let array): return array.withUnsafeBufferPointer { body($0.baseAddress) }
        case .none: return body(nil)
        }
    }
}

/// The weights of one transformer block.
struct LayerWeights {
    var attentionNorm: [Float]  // (C)
    /// Q, K and V stacked: (NH*HS + 2*KVH*HS, C), with qwen2's biases.
    var qkv: Linear
    var attentionOutput: Linear  // (C, NH*HS)
    var ffnNorm: [Float]  // (C)
    /// Gate and up stacked: (2F, C).
    var gateUp: Linear
    var down: Linear  // (C, F)
}

/// All weights of a model, converted to fp32 once at load time (training needs fp32 anyway,
/// and prompt processing is GEMM-bound), plus the quantised forms that decoding reads.
struct ModelWeights {
    var tokenEmbedding: [Float]  // (V, C)
    var layers: [LayerWeights]
    var outputNorm: [Float]  // (C)
    /// (V, C): `output.weight`, or the token embedding when tied.
    var output: Linear

    /// `shapesOnly` checks that every tensor is present with its shape but converts none (the
    /// matrices stay empty): what `model info` needs to say whether a file will load.
    init(_ gguf: GGUFFile, config: ModelConfig, shapesOnly: Bool = false) throws {
        let C = config.hiddenSize
        let q = config.headCount * config.headSize
        let kv = config.kvHeadCount * config.headSize
        let F = config.feedForwardSize
        let V = config.vocabularySize
        func info(_ name: String, _ shape: [Int]) throws -> TensorInfo {
            guard let t = gguf.tensor(name) else { throw PolicyError.missingTensor(path: gguf.path, name: name) }
            // GGUF lists the contiguous dimension first.
            let expected = Array(shape.reversed())
            guard t.dimensions == expected || (shape.count == 1 && t.dimensions == [shape[0], 1]) else {
                throw PolicyError.tensorShape(path: gguf.path, name: name, expected: expected, found: t.dimensions)
            }
            return t
        }
        func vector(_ name: String, _ n: Int) throws -> [Float] { try gguf.floats(try info(name, [n])) }
        func optionalVector(_ name: String, _ n: Int) throws -> [Float]? {
            gguf.tensor(name) == nil ? nil : try vector(name, n)
        }
        func linear(_ name: String, _ rows: Int, _ columns: Int, bias: String? = nil) throws -> Linear {
            let t = try info(name, [rows, columns])
            if shapesOnly {
                return Linear(
                    rows: rows, columns: columns, dense: [], quantized: nil,
                    bias: try bias.flatMap { try optionalVector($0, rows) })
            }
            return Linear(
                rows: rows, columns: columns, dense: try gguf.floats(t),
                quantized: QuantizedMatrix(type: t.type, data: gguf.data(t), rows: rows, columns: columns),
                bias: try bias.flatMap { try optionalVector($0, rows) })
        }
        let embedding = try linear("token_embd.weight", V, C)
        tokenEmbedding = embedding.dense
        layers = try (0..<config.layerCount).map { l in
            let p = "blk.\(l)."
            return LayerWeights(
                attentionNorm: try vector(p + "attn_norm.weight", C),
                qkv: Linear(stacking: [
                    try linear(p + "attn_q.weight", q, C, bias: p + "attn_q.bias"),
                    try linear(p + "attn_k.weight", kv, C, bias: p + "attn_k.bias"),
                    try linear(p + "attn_v.weight", kv, C, bias: p + "attn_v.bias"),
                ]),
                attentionOutput: try linear(p + "attn_output.weight", C, q),
                ffnNorm: try vector(p + "ffn_norm.weight", C),
                gateUp: Linear(stacking: [try linear(p + "ffn_gate.weight", F, C), try linear(p + "ffn_up.weight", F, C)]),
                down: try linear(p + "ffn_down.weight", C, F))
        }
        outputNorm = try vector("output_norm.weight", C)
        output = gguf.tensor("output.weight") == nil ? embedding : try linear("output.weight", V, C)
    }
}
