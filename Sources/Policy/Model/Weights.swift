/// The weights of one transformer block, fp32, row-major `[out][in]` as GGUF stores them.
struct LayerWeights {
    var attentionNorm: [Float]  // (C)
    var wq: [Float]  // (NH*HS, C)
    var wk: [Float]  // (KVH*HS, C)
    var wv: [Float]  // (KVH*HS, C)
    var bq: [Float]?  // (NH*HS), qwen2 only
    var bk: [Float]?  // (KVH*HS)
    var bv: [Float]?  // (KVH*HS)
    var wo: [Float]  // (C, NH*HS)
    var ffnNorm: [Float]  // (C)
    var gate: [Float]  // (F, C)
    var up: [Float]  // (F, C)
    var down: [Float]  // (C, F)
}

/// All weights of a model, converted to fp32 once at load time (training needs fp32 anyway,
/// and one dequantization keeps the hot loop a plain GEMM).
struct ModelWeights {
    var tokenEmbedding: [Float]  // (V, C)
    var layers: [LayerWeights]
    var outputNorm: [Float]  // (C)
    var output: [Float]?  // (V, C); nil when tied to the embedding

    init(_ gguf: GGUFFile, config: ModelConfig) throws {
        let C = config.hiddenSize
        let q = config.headCount * config.headSize
        let kv = config.kvHeadCount * config.headSize
        let F = config.feedForwardSize
        let V = config.vocabularySize
        func load(_ name: String, _ shape: [Int]) throws -> [Float] {
            guard let t = gguf.tensor(name) else { throw PolicyError.missingTensor(path: gguf.path, name: name) }
            // GGUF lists the contiguous dimension first.
            let expected = Array(shape.reversed())
            guard t.dimensions == expected || (shape.count == 1 && t.dimensions == [shape[0], 1]) else {
                throw PolicyError.tensorShape(path: gguf.path, name: name, expected: expected, found: t.dimensions)
            }
            return try gguf.floats(t)
        }
        func optional(_ name: String, _ shape: [Int]) throws -> [Float]? {
            gguf.tensor(name) == nil ? nil : try load(name, shape)
        }
        tokenEmbedding = try load("token_embd.weight", [V, C])
        layers = try (0..<config.layerCount).map { l in
            let p = "blk.\(l)."
            return LayerWeights(
                attentionNorm: try load(p + "attn_norm.weight", [C]),
                wq: try load(p + "attn_q.weight", [q, C]), wk: try load(p + "attn_k.weight", [kv, C]),
                wv: try load(p + "attn_v.weight", [kv, C]),
                bq: try optional(p + "attn_q.bias", [q]), bk: try optional(p + "attn_k.bias", [kv]),
                bv: try optional(p + "attn_v.bias", [kv]),
                wo: try load(p + "attn_output.weight", [C, q]), ffnNorm: try load(p + "ffn_norm.weight", [C]),
                gate: try load(p + "ffn_gate.weight", [F, C]), up: try load(p + "ffn_up.weight", [F, C]),
                down: try load(p + "ffn_down.weight", [C, F]))
        }
        outputNorm = try load("output_norm.weight", [C])
        output = try optional("output.weight", [V, C])
    }
}
