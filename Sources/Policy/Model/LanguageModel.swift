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

    /// Threads for the quantised kernels and attention (OpenBLAS has its own).
    let pool: WorkerPool
    var threads: Int { pool.width }
    /// Batches of up to this many rows use the quantised weights; larger ones the fp32 GEMM.
    /// With the packed integer kernels the quantised form is faster at every batch size
    /// (prompts included: about twice OpenBLAS's sgemm here), and it rounds as llama.cpp does.
    let quantizedRowLimit: Int

    /// Loads a GGUF model. `quantizedDecoding: false` decodes through the fp32 weights as well
    /// (tests compare the two).
    public init(path: String, quantizedDecoding: Bool = true) throws {
        let gguf = try GGUFFile(path: path)
        config = try ModelConfig(gguf)
        tokenizer = try Tokenizer(gguf)
        chatTemplate = ChatTemplate(gguf)
        weights = try ModelWeights(gguf, config: config)
        self.path = path
        pool = WorkerPool(threads: ProcessInfo.processInfo.activeProcessorCount)
        quantizedRowLimit = quantizedDecoding ? Int.max : 0
    }

    /// The same architecture, tokenizer and chat template as `base` with other weights: the policy
    /// being trained, sampled between updates. `decoding` quantises each matrix for the decoding
    /// kernels (Q8_0 keeps the sampled distribution within rounding of fp32 at a fraction of the
    /// memory traffic); nil decodes through the fp32 weights.
    public init(base: LanguageModel, weights: DenseWeights, decoding: GGMLType? = .q8_0) throws {
        config = base.config
        tokenizer = base.tokenizer
        chatTemplate = base.chatTemplate
        path = base.path
        self.weights = try ModelWeights(weights, config: base.config, decoding: decoding)
        pool = WorkerPool(threads: base.pool.width)
        quantizedRowLimit = decoding == nil ? 0 : base.quantizedRowLimit
    }

    deinit { pool.shutdown() }

    /// One row of a forward batch: a token at a position of some sequence.
    struct Row {
        var cache: KVCache
        var token: Int
        var position: Int
    }

    /// Runs rows through the model, writing their keys and values into their caches, and
    /// returns logits (R, V) for the rows listed in `logitRows`, in that order. Rows of one
    /// sequence must come in increasing position order; each attends to its own prefix only.
    ///
    /// `observe`, when given, sees the layer-0 activations by llama.cpp's tensor names
    /// (`attn_norm-0`, `Qcur-0`, `Kcur-0`, `Vcur-0`, before RoPE; each (B, n) row-major), so tests
    /// can hold them against llama.cpp's own.
    func forward(_ rows: [Row], logitRows: [Int], observe: ((String, [Float]) -> Void)? = nil) -> [Float] {
        let cfg = config
        let (B, C, HS) = (rows.count, cfg.hiddenSize, cfg.headSize)
        let (NH, KVH, F, V) = (cfg.headCount, cfg.kvHeadCount, cfg.feedForwardSize, cfg.vocabularySize)
        let QD = NH * HS
        let KVD = KVH * HS
        let QKV = QD + 2 * KVD
        let neox = cfg.architecture == .qwen2
        let quantized = B <= quantizedRowLimit
        for row in rows { row.cache.reserve(row.position + 1) }
        // Consecutive positions of one sequence (a prompt chunk) take the GEMM attention.
        let prefill =
            B > 1 && rows[0].cache.prefix == nil && rows.allSatisfy { $0.cache === rows[0].cache }
            && rows.enumerated().allSatisfy { $0.element.position == rows[0].position + $0.offset }

        // Activations of this pass; a backward pass will keep them per layer.
        var x = [Float](repeating: 0, count: B * C)  // (B, C) residual stream
        var xb = [Float](repeating: 0, count: B * C)  // (B, C) normed
        var qkv = [Float](repeating: 0, count: B * QKV)  // (B, QD + 2 KVD)
        var q = [Float](repeating: 0, count: B * QD)  // (B, QD) rotated, f16-rounded queries
        var att = [Float](repeating: 0, count: B * QD)  // (B, QD) attention output
        var proj = [Float](repeating: 0, count: B * C)  // (B, C)
        var gateUp = [Float](repeating: 0, count: B * 2 * F)  // (B, 2F)
        var hidden = [Float](repeating: 0, count: B * F)  // (B, F)
        let ropeTable = RopeTable(positions: rows.map(\.position), HS: HS, base: cfg.ropeBase, scale: cfg.ropeScale)

        for (r, row) in rows.enumerated() {
            let e = row.token * C
            for i in 0..<C { x[r * C + i] = weights.tokenEmbedding[e + i] }
        }
        for l in 0..<cfg.layerCount {
            let w = weights.layers[l]
            rmsnorm(&xb, x, w.attentionNorm, B: B, C: C, eps: cfg.normEpsilon)
            w.qkv.apply(&qkv, xb, B: B, useQuantized: quantized, pool: pool)
            if let observe, l == 0 {
                observe("attn_norm-0", xb)
                for (name, start, width) in [("Qcur-0", 0, QD), ("Kcur-0", QD, KVD), ("Vcur-0", QD + KVD, KVD)] {
                    observe(name, (0..<B).flatMap { r in qkv[(r * QKV + start)..<(r * QKV + start + width)] })
                }
            }
            qkv.withUnsafeMutableBufferPointer { qkvp in
                q.withUnsafeMutableBufferPointer { qp in
                    for (r, row) in rows.enumerated() {
                        let base = qkvp.baseAddress! + r * QKV
                        rope(base, heads: NH, row: r, table: ropeTable, neox: neox)
                        rope(base + QD, heads: KVH, row: r, table: ropeTable, neox: neox)
                        // llama.cpp keeps the cache in f16 and meets Q as f16 in K·Q.
                        for i in 0..<QD { qp[r * QD + i] = roundedToHalf(base[i]) }
                        let o = row.cache.offset(layer: l, position: row.position)
                        for i in 0..<KVD {
                            row.cache.keys[o + i] = Float16(base[QD + i])
                            row.cache.values[o + i] = Float16(base[QD + KVD + i])
                        }
                    }
                }
            }
            q.withUnsafeBufferPointer { qp in
                att.withUnsafeMutableBufferPointer { ap in
                    if prefill {
                        let cache = rows[0].cache
                        let o = cache.offset(layer: l, position: 0)
                        attentionPrefill(
                            ap.baseAddress!, qp.baseAddress!, keys: cache.keys + o, values: cache.values + o,
                            p0: rows[0].position, B: B, NH: NH, KVH: KVH, HS: HS, KVD: KVD)
                    } else {
                        let attentionRows = rows.map { row in
                            let cache = row.cache
                            let o = cache.offset(layer: l, position: cache.prefixCount)
                            guard let prefix = cache.prefix else {
                                return AttentionRow(keys: cache.keys + o, values: cache.values + o, T: row.position + 1)
                            }
                            let p = prefix.offset(layer: l, position: 0)
                            return AttentionRow(
                                prefixKeys: prefix.keys + p, prefixValues: prefix.values + p, P: cache.prefixCount,
                                keys: cache.keys + o, values: cache.values + o, T: row.position + 1)
                        }
                        attention(
                            ap.baseAddress!, qp.baseAddress!, rows: attentionRows, NH: NH, KVH: KVH, HS: HS, KVD: KVD,
                            pool: pool)
                    }
                }
            }
            w.attentionOutput.apply(&proj, att, B: B, useQuantized: quantized, pool: pool)
            for i in 0..<(B * C) { x[i] += proj[i] }
            rmsnorm(&xb, x, w.ffnNorm, B: B, C: C, eps: cfg.normEpsilon)
            w.gateUp.apply(&gateUp, xb, B: B, useQuantized: quantized, pool: pool)
            swiglu(&hidden, gateUp, B: B, F: F)
            w.down.apply(&proj, hidden, B: B, useQuantized: quantized, pool: pool)
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
        weights.output.apply(&logits, normed, B: R, useQuantized: R <= quantizedRowLimit, pool: pool)
        return logits
    }

    /// A new, empty cache sized for `capacity` tokens.
    func makeCache(capacity: Int) -> KVCache {
        KVCache(layers: config.layerCount, kvDim: config.kvHeadCount * config.headSize, capacity: capacity)
    }

    /// Logits (T, V) for every position of `tokens`, from an empty cache (tests and scoring).
    public func logits(_ tokens: [Int]) -> [Float] { logits(tokens, observe: nil) }

    func logits(_ tokens: [Int], observe: ((String, [Float]) -> Void)?) -> [Float] {
        let cache = makeCache(capacity: tokens.count)
        let rows = tokens.enumerated().map { Row(cache: cache, token: $0.element, position: $0.offset) }
        return forward(rows, logitRows: Array(0..<tokens.count), observe: observe)
    }
}
