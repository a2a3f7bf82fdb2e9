import Benchmarks
import Foundation
import Policy

/// A trained checkpoint as a GGUF model that verireason, llama.cpp and Ollama run directly:
/// the base model's metadata (tokenizer, chat template, hyperparameters) with the trained
/// weights — a PEFT adapter applied to the base, or a fully fine-tuned `model.safetensors`.
public enum GGUFExport {
    /// Storage types an export may use for its matrices (norms and biases stay F32).
    public static let types: [GGMLType] = [.f32, .f16, .q8_0]

    /// The base model's weights with the checkpoint's training applied.
    public static func weights(checkpoint dir: URL, base: LanguageModel) throws -> DenseWeights {
        let fm = FileManager.default
        let adapter = dir.appendingPathComponent("adapter_model.safetensors")
        let full = dir.appendingPathComponent("model.safetensors")
        if fm.fileExists(atPath: adapter.path) {
            return try applyAdapter(dir: dir, to: base)
        } else if fm.fileExists(atPath: full.path) {
            return try loadFull(full, base: base)
        }
        throw TrainingError.unreadableData(
            path: dir.path, reason: "not a checkpoint: neither adapter_model.safetensors nor model.safetensors is there")
    }

    /// Writes `weights` under the base's metadata to `url` (atomically), matrices as `type`.
    /// `promptFormat`, when given, is recorded under `PromptFormat.ggufMetadataKey`.
    public static func write(
        _ weights: DenseWeights, base: LanguageModel, type: GGMLType, promptFormat: PromptFormat? = nil, to url: URL
    ) throws {
        guard types.contains(type) else {
            throw TrainingError.invalidSettings("export type \(type.name) is not supported (f32, f16 or q8_0)")
        }
        let gguf = try GGUFFile(path: base.path)
        let c = base.config
        let (C, F, V) = (c.hiddenSize, c.feedForwardSize, c.vocabularySize)
        let QD = c.headCount * c.headSize
        let KVD = c.kvHeadCount * c.headSize
        var writer = GGUFWriter()
        for key in gguf.metadataKeys where key != "general.alignment" {
            if let value = gguf.metadata[key] { writer.set(key, value) }
        }
        // llama.cpp's LLAMA_FTYPE numbers: all F32 0, mostly F16 1, mostly Q8_0 7.
        writer.set("general.file_type", .uint32(type == .f32 ? 0 : type == .f16 ? 1 : 7))
        if let promptFormat { writer.set(PromptFormat.ggufMetadataKey, .string(promptFormat.rawValue)) }
        func matrix(_ name: String, _ values: [Float], rows: Int, columns: Int) throws {
            let t: GGMLType = type == .q8_0 && columns % 32 != 0 ? .f16 : type
            try writer.add(name, dimensions: [columns, rows], values: values, as: t)
        }
        try matrix("token_embd.weight", weights.tokenEmbedding, rows: V, columns: C)
        for (l, w) in weights.layers.enumerated() {
            let p = "blk.\(l)."
            try writer.add(p + "attn_norm.weight", dimensions: [C], values: w.attentionNorm)
            let parts = [("attn_q", 0, QD), ("attn_k", QD, KVD), ("attn_v", QD + KVD, KVD)]
            for (name, first, count) in parts {
                try matrix(p + name + ".weight", Array(w.qkv[(first * C)..<((first + count) * C)]), rows: count, columns: C)
                if let bias = w.qkvBias {
                    try writer.add(p + name + ".bias", dimensions: [count], values: Array(bias[first..<(first + count)]))
                }
            }
            try matrix(p + "attn_output.weight", w.attentionOutput, rows: C, columns: QD)
            try writer.add(p + "ffn_norm.weight", dimensions: [C], values: w.ffnNorm)
            try matrix(p + "ffn_gate.weight", Array(w.gateUp[0..<(F * C)]), rows: F, columns: C)
            try matrix(p + "ffn_up.weight", Array(w.gateUp[(F * C)...]), rows: F, columns: C)
            try matrix(p + "ffn_down.weight", w.down, rows: C, columns: F)
        }
        try writer.add("output_norm.weight", dimensions: [C], values: weights.outputNorm)
        if let output = weights.output { try matrix("output.weight", output, rows: V, columns: C) }
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try writer.data().write(to: temp)
            guard rename(temp.path, url.path) == 0 else {
                throw TrainingError.checkpointWrite(path: url.path, reason: "cannot rename the finished file into place")
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            if let e = error as? TrainingError { throw e }
            throw TrainingError.checkpointWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    private struct AdapterConfig: Decodable {
        var r: Int
        var lora_alpha: Float
    }

    /// W += (alpha / r) · B · A for every adapted projection of the PEFT checkpoint.
    static func applyAdapter(dir: URL, to base: LanguageModel) throws -> DenseWeights {
        let configURL = dir.appendingPathComponent("adapter_config.json")
        let config: AdapterConfig
        do { config = try JSONDecoder().decode(AdapterConfig.self, from: Data(contentsOf: configURL)) } catch {
            throw TrainingError.unreadableData(path: configURL.path, reason: "no readable r and lora_alpha")
        }
        let tensors = try Safetensors.read(dir.appendingPathComponent("adapter_model.safetensors"))
        var weights = base.denseWeights
        let s = ModelShape(config: base.config, qkvBias: weights.layers.first?.qkvBias != nil)
        let scale = config.lora_alpha / Float(config.r)
        var applied = 0
        for l in 0..<s.L {
            for target in LoRATarget.allCases {
                let prefix = "base_model.model.model.layers.\(l).\(target.peftModule)"
                guard let a = tensors[prefix + ".lora_A.weight"], let b = tensors[prefix + ".lora_B.weight"] else { continue }
                let g = target.geometry(s)
                let r = a.shape.first ?? 0
                guard a.shape == [r, g.inputs], b.shape == [g.outputs, r] else {
                    throw TrainingError.invalidSettings(
                        "\(prefix): lora_A \(a.shape) and lora_B \(b.shape) do not fit a (\(g.outputs), \(g.inputs)) projection")
                }
                var bRows = b.values
                if !s.neox, target == .q || target == .k {
                    bRows = AdapterCheckpoint.permuteRows(bRows, heads: target == .q ? s.NH : s.KVH, HS: s.HS, columns: r)
                }
                var delta = [Float](repeating: 0, count: g.outputs * g.inputs)
                a.values.withUnsafeBufferPointer { ap in
                    bRows.withUnsafeBufferPointer { bp in
                        delta.withUnsafeMutableBufferPointer { dp in
                            gemm(
                                dp.baseAddress!, ldc: g.inputs, bp.baseAddress!, lda: r, ap.baseAddress!, ldb: g.inputs,
                                M: g.outputs, N: g.inputs, K: r, alpha: scale, beta: 0)
                        }
                    }
                }
                func add(_ matrix: inout [Float]) {
                    let start = g.rowOffset * g.inputs
                    for i in 0..<delta.count { matrix[start + i] += delta[i] }
                }
                switch target {
                case .q, .k, .v: add(&weights.layers[l].qkv)
                case .o: add(&weights.layers[l].attentionOutput)
                case .gate, .up: add(&weights.layers[l].gateUp)
                case .down: add(&weights.layers[l].down)
                }
                applied += 1
            }
        }
        guard applied > 0 else {
            throw TrainingError.invalidSettings("\(dir.path): the adapter has no lora_A/lora_B pair this model has")
        }
        return weights
    }

    /// A fully fine-tuned `model.safetensors` (Hugging Face names) back in GGUF's layout.
    static func loadFull(_ url: URL, base: LanguageModel) throws -> DenseWeights {
        let tensors = try Safetensors.read(url)
        var weights = base.denseWeights
        let s = ModelShape(config: base.config, qkvBias: weights.layers.first?.qkvBias != nil)
        func get(_ name: String, _ count: Int) throws -> [Float] {
            guard let t = tensors[name], t.values.count == count else {
                throw TrainingError.invalidSettings("\(url.path): \(name) is missing or has the wrong size")
            }
            return t.values
        }
        weights.tokenEmbedding = try get("model.embed_tokens.weight", s.V * s.C)
        for l in 0..<s.L {
            let p = "model.layers.\(l)."
            var qkv: [Float] = []
            var bias: [Float] = []
            for (name, count, heads) in [("q", s.QD, s.NH), ("k", s.KVD, s.KVH), ("v", s.KVD, 0)] {
                var w = try get(p + "self_attn.\(name)_proj.weight", count * s.C)
                var b: [Float] = []
                if s.qkvBias { b = try get(p + "self_attn.\(name)_proj.bias", count) }
                if !s.neox, heads > 0 {
                    w = AdapterCheckpoint.permuteRows(w, heads: heads, HS: s.HS, columns: s.C)
                    if !b.isEmpty { b = AdapterCheckpoint.permuteRows(b, heads: heads, HS: s.HS, columns: 1) }
                }
                qkv += w
                bias += b
            }
            weights.layers[l].attentionNorm = try get(p + "input_layernorm.weight", s.C)
            weights.layers[l].qkv = qkv
            weights.layers[l].qkvBias = s.qkvBias ? bias : nil
            weights.layers[l].attentionOutput = try get(p + "self_attn.o_proj.weight", s.C * s.QD)
            weights.layers[l].ffnNorm = try get(p + "post_attention_layernorm.weight", s.C)
            weights.layers[l].gateUp =
                try get(p + "mlp.gate_proj.weight", s.F * s.C) + get(p + "mlp.up_proj.weight", s.F * s.C)
            weights.layers[l].down = try get(p + "mlp.down_proj.weight", s.C * s.F)
        }
        weights.outputNorm = try get("model.norm.weight", s.C)
        if !s.tiedOutput { weights.output = try get("lm_head.weight", s.V * s.C) }
        return weights
    }
}
