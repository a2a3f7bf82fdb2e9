import Foundation

/// A fully fine-tuned model in Hugging Face's layout: `model.safetensors` with the
/// `model.layers.N.self_attn.q_proj.weight`-style names of `LlamaForCausalLM` and
/// `Qwen2ForCausalLM`, fused Q/K/V and gate/up split back apart, and `config.json`.
public enum ModelCheckpoint {
    /// The weights under Hugging Face's names; llama's Q/K rows are put back in Hugging Face's
    /// order (see `AdapterCheckpoint.unpermuteRows`).
    public static func tensors(_ model: TrainableModel) -> [Safetensors.Tensor] {
        let s = model.shape
        let layout = model.layout
        let p = model.parameters
        func rows(_ offset: Int, _ first: Int, _ count: Int, columns: Int) -> [Float] {
            p.array(offset + first * columns, count * columns)
        }
        func tensor(_ name: String, _ shape: [Int], _ values: [Float]) -> Safetensors.Tensor {
            Safetensors.Tensor(name: name, shape: shape, values: values)
        }
        var out = [tensor("model.embed_tokens.weight", [s.V, s.C], p.array(layout.tokenEmbedding, s.V * s.C))]
        let parts = [("q", 0, s.QD, s.NH), ("k", s.QD, s.KVD, s.KVH), ("v", s.QD + s.KVD, s.KVD, 0)]
        for (l, w) in layout.layers.enumerated() {
            let prefix = "model.layers.\(l)."
            out.append(tensor(prefix + "input_layernorm.weight", [s.C], p.array(w.attentionNorm, s.C)))
            for (name, first, count, heads) in parts {
                var weight = rows(w.qkv, first, count, columns: s.C)
                var bias = w.qkvBias.map { rows($0, first, count, columns: 1) }
                if !s.neox, heads > 0 {
                    weight = AdapterCheckpoint.unpermuteRows(weight, heads: heads, HS: s.HS, columns: s.C)
                    bias = bias.map { AdapterCheckpoint.unpermuteRows($0, heads: heads, HS: s.HS, columns: 1) }
                }
                out.append(tensor(prefix + "self_attn.\(name)_proj.weight", [count, s.C], weight))
                if let bias { out.append(tensor(prefix + "self_attn.\(name)_proj.bias", [count], bias)) }
            }
            out.append(tensor(prefix + "self_attn.o_proj.weight", [s.C, s.QD], p.array(w.attentionOutput, s.C * s.QD)))
            out.append(tensor(prefix + "post_attention_layernorm.weight", [s.C], p.array(w.ffnNorm, s.C)))
            out.append(tensor(prefix + "mlp.gate_proj.weight", [s.F, s.C], rows(w.gateUp, 0, s.F, columns: s.C)))
            out.append(tensor(prefix + "mlp.up_proj.weight", [s.F, s.C], rows(w.gateUp, s.F, s.F, columns: s.C)))
            out.append(tensor(prefix + "mlp.down_proj.weight", [s.C, s.F], p.array(w.down, s.C * s.F)))
        }
        out.append(tensor("model.norm.weight", [s.C], p.array(layout.outputNorm, s.C)))
        if !s.tiedOutput { out.append(tensor("lm_head.weight", [s.V, s.C], p.array(layout.output, s.V * s.C))) }
        return out
    }

    struct Config: Encodable {
        var architectures: [String]
        var model_type: String
        var hidden_size: Int
        var intermediate_size: Int
        var num_hidden_layers: Int
        var num_attention_heads: Int
        var num_key_value_heads: Int
        var head_dim: Int
        var vocab_size: Int
        var rms_norm_eps: Float
        var rope_theta: Float
        var tie_word_embeddings: Bool
        var hidden_act = "silu"
        var torch_dtype = "float32"
    }

    /// Writes `dir/model.safetensors` and `dir/config.json`, each atomically.
    public static func write(_ model: TrainableModel, to dir: URL) throws {
        let s = model.shape
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Safetensors.encode(tensors(model)).write(to: dir.appendingPathComponent("model.safetensors"), options: .atomic)
            let config = Config(
                architectures: [s.neox ? "Qwen2ForCausalLM" : "LlamaForCausalLM"], model_type: s.neox ? "qwen2" : "llama",
                hidden_size: s.C, intermediate_size: s.F, num_hidden_layers: s.L, num_attention_heads: s.NH,
                num_key_value_heads: s.KVH, head_dim: s.HS, vocab_size: s.V, rms_norm_eps: s.eps, rope_theta: s.ropeBase,
                tie_word_embeddings: s.tiedOutput)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(config).write(to: dir.appendingPathComponent("config.json"), options: .atomic)
        } catch let error as TrainingError {
            throw error
        } catch {
            throw TrainingError.checkpointWrite(path: dir.path, reason: error.localizedDescription)
        }
    }
}
