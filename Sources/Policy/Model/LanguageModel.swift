import Foundation

/// A Llama/Qwen2 language model loaded from GGUF, with its tokenizer and chat template.
/// Weights are immutable after loading; per-sequence state lives in `KVCache`s.
public final class LanguageModel: @unchecked Sendable {
    // Immutable after init, so sharing between threads is safe.
    public let config: ModelConfig
    public let tokenizer: Tokenizer
    public let chatTemplate: ChatTemplate
    public let path: String
    let weights: ModelWeights

    public init(path: String) throws {
        let gguf = try GGUFFile(path: path)
        config = try ModelConfig(gguf)
        tokenizer = try Tokenizer(gguf)
        chatTemplate = ChatTemplate(gguf)
        weights = try ModelWeights(gguf, config: config)
        self.path = path
    }

    /// One row of a forward batch: a token at a position of some sequence.
    struct Row {
        var cache: KVCache
        var token: Int
        var position: Int
    }

    /// Runs rows through the model, writing their keys and values into their caches, and
    /// returns logits (R, V) for the rows listed in `logitRows`, in that order. Rows of one
    /// sequence must come in increasing position order; each attends to its own prefix only.
    func forward(_ rows: [Row], logitRows: [Int]) -> [Float] {
        let cfg = config
        let (B, C, HS) = (rows.count, cfg.hiddenSize, cfg.headSize)
        let (NH, KVH, F, V) = (cfg.headCount, cfg.kvHeadCount, cfg.feedForwardSize, cfg.vocabularySize)
        let QD = NH * HS
        let KVD = KVH * HS
        let neox = cfg.architecture == .qwen2
        for row in rows { row.cache.reserve(row.position + 1) }

        var x = [Float](repeating: 0, count: B * C)  // (B, C) residual stream
        var xb = [Float](repeating: 0, count: B * C)  // (B, C) normed
        var q = [Float](repeating: 0, count: B * QD)  // (B, NH*HS)
        var k = [Float](repeating: 0, count: B * KVD)  // (B, KVD)
        var v = [Float](repeating: 0, count: B * KVD)  // (B, KVD)
        var att = [Float](repeating: 0, count: B * QD)  // (B, NH*HS) attention output
        var proj = [Float](repeating: 0, count: B * C)  // (B, C)
        var gate = [Float](repeating: 0, count: B * F)  // (B, F)
        var up = [Float](repeating: 0, count: B * F)  // (B, F)
        let maxPosition = rows.map(\.position).max() ?? 0
        var scores = [Float](repeating: 0, count: maxPosition + 1)
        var qHead = [Float](repeating: 0, count: HS)
        let scale = 1 / Float(HS).squareRoot()

        for (r, row) in rows.enumerated() {
            let e = row.token * C
            for i in 0..<C { x[r * C + i] = weights.tokenEmbedding[e + i] }
        }
        for l in 0..<cfg.layerCount {
            let w = weights.layers[l]
            rmsnorm(&xb, x, w.attentionNorm, B: B, C: C, eps: cfg.normEpsilon)
            matmul(&q, xb, w.wq, w.bq, B: B, C: C, OC: QD)
            matmul(&k, xb, w.wk, w.bk, B: B, C: C, OC: KVD)
            matmul(&v, xb, w.wv, w.bv, B: B, C: C, OC: KVD)
            q.withUnsafeMutableBufferPointer { qp in
                k.withUnsafeMutableBufferPointer { kp in
                    for (r, row) in rows.enumerated() {
                        for h in 0..<NH {
                            rope(
                                qp.baseAddress! + r * QD + h * HS, pos: row.position, HS: HS, base: cfg.ropeBase,
                                scale: cfg.ropeScale, neox: neox)
                        }
                        for h in 0..<KVH {
                            rope(
                                kp.baseAddress! + r * KVD + h * HS, pos: row.position, HS: HS, base: cfg.ropeBase,
                                scale: cfg.ropeScale, neox: neox)
                        }
                        let o = row.cache.offset(layer: l, position: row.position)
                        // llama.cpp keeps the cache in f16 (its default type); so does this engine's arithmetic.
                        for i in 0..<KVD {
                            row.cache.keys[o + i] = Float(Float16(kp[r * KVD + i]))
                            row.cache.values[o + i] = Float(Float16(v[r * KVD + i]))
                        }
                    }
                }
            }
            // Attention of each row over its own sequence's positions 0...position.
            for (r, row) in rows.enumerated() {
                let T = row.position + 1
                row.cache.keys.withUnsafeBufferPointer { keys in
                    row.cache.values.withUnsafeBufferPointer { values in
                        for h in 0..<NH {
                            let kvh = h / (NH / KVH)
                            let qh = r * QD + h * HS
                            // Q meets the f16 keys as f16, as in llama.cpp's K·Q product.
                            for i in 0..<HS { qHead[i] = Float(Float16(q[qh + i])) }
                            for t in 0..<T {
                                let ko = row.cache.offset(layer: l, position: t) + kvh * HS
                                var dot: Float = 0
                                for i in 0..<HS { dot += qHead[i] * keys[ko + i] }
                                scores[t] = dot * scale
                            }
                            scores.withUnsafeMutableBufferPointer { softmax($0.baseAddress!, T) }
                            for i in 0..<HS { att[qh + i] = 0 }
                            for t in 0..<T {
                                let vo = row.cache.offset(layer: l, position: t) + kvh * HS
                                let p = scores[t]
                                for i in 0..<HS { att[qh + i] += p * values[vo + i] }
                            }
                        }
                    }
                }
            }
            matmul(&proj, att, w.wo, nil, B: B, C: QD, OC: C)
            for i in 0..<(B * C) { x[i] += proj[i] }
            rmsnorm(&xb, x, w.ffnNorm, B: B, C: C, eps: cfg.normEpsilon)
            matmul(&gate, xb, w.gate, nil, B: B, C: C, OC: F)
            matmul(&up, xb, w.up, nil, B: B, C: C, OC: F)
            swiglu(&gate, gate, up, N: B * F)
            matmul(&proj, gate, w.down, nil, B: B, C: F, OC: C)
            for i in 0..<(B * C) { x[i] += proj[i] }
        }
        for row in rows { row.cache.count = max(row.cache.count, row.position + 1) }

        // Final norm and output head, only for the rows whose logits are wanted.
        let R = logitRows.count
        var selected = [Float](repeating: 0, count: R * C)
        for (i, r) in logitRows.enumerated() {
            for c in 0..<C { selected[i * C + c] = x[r * C + c] }
        }
        var normed = [Float](repeating: 0, count: R * C)
        rmsnorm(&normed, selected, weights.outputNorm, B: R, C: C, eps: cfg.normEpsilon)
        var logits = [Float](repeating: 0, count: R * V)
        matmul(&logits, normed, weights.output ?? weights.tokenEmbedding, nil, B: R, C: C, OC: V)
        return logits
    }

    /// A new, empty cache sized for `capacity` tokens.
    func makeCache(capacity: Int) -> KVCache {
        KVCache(layers: config.layerCount, kvDim: config.kvHeadCount * config.headSize, capacity: capacity)
    }

    /// Logits (T, V) for every position of `tokens`, from an empty cache (tests and scoring).
    public func logits(_ tokens: [Int]) -> [Float] {
        let cache = makeCache(capacity: tokens.count)
        let rows = tokens.enumerated().map { Row(cache: cache, token: $0.element, position: $0.offset) }
        return forward(rows, logitRows: Array(0..<tokens.count))
    }
}
