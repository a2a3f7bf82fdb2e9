import Foundation

/// A LoRA checkpoint in PEFT's layout, loadable by `PeftModel.from_pretrained`:
/// `adapter_model.safetensors` with keys `base_model.model.model.layers.N.<module>.lora_A.weight`
/// (r, in) and `lora_B.weight` (out, r), and `adapter_config.json`.
public enum AdapterCheckpoint {
    /// The tensors under PEFT's names. llama.cpp's converter permuted the rows of llama's Q and
    /// K weights (interleaving each head's halves for its adjacent-pair RoPE); B's rows follow
    /// the model's, so they are put back in Hugging Face's order here.
    ///
    /// `earlierStages` are the values of adapters already merged into the base (the SFT stage
    /// before GRPO): each projection's stages are stacked into one adapter of rank k·r — A's rows
    /// and B's columns concatenated — whose product is the sum of the stages' updates, so PEFT
    /// applies the whole training to the original base.
    public static func tensors(_ adapters: LoRAAdapters, earlierStages: [[Float]] = []) -> [Safetensors.Tensor] {
        let s = adapters.shape
        let stages = earlierStages + [adapters.parameters.array()]
        let r = adapters.config.rank * stages.count
        var out: [Safetensors.Tensor] = []
        for l in 0..<s.L {
            for target in adapters.config.targets {
                let parts = stages.compactMap { adapters.matrices(layer: l, target: target, in: $0) }
                guard parts.count == stages.count else { continue }
                let a = parts.flatMap(\.a)
                let rank = adapters.config.rank
                let outputs = parts[0].b.count / rank
                var b = [Float](repeating: 0, count: outputs * r)
                for (k, part) in parts.enumerated() {
                    for o in 0..<outputs {
                        for j in 0..<rank { b[o * r + k * rank + j] = part.b[o * rank + j] }
                    }
                }
                let g = target.geometry(s)
                let prefix = "base_model.model.model.layers.\(l).\(target.peftModule)"
                var bRows = b
                if !s.neox, target == .q || target == .k {
                    bRows = unpermuteRows(b, heads: target == .q ? s.NH : s.KVH, HS: s.HS, columns: r)
                }
                out.append(Safetensors.Tensor(name: prefix + ".lora_A.weight", shape: [r, g.inputs], values: a))
                out.append(Safetensors.Tensor(name: prefix + ".lora_B.weight", shape: [g.outputs, r], values: bRows))
            }
        }
        return out
    }

    /// The inverse of `unpermuteRows`: Hugging Face's row order back to GGUF's.
    static func permuteRows(_ m: [Float], heads: Int, HS: Int, columns: Int) -> [Float] {
        var out = m
        let half = HS / 2
        for h in 0..<heads {
            for i in 0..<half {
                for j in 0..<2 {
                    let hf = h * HS + j * half + i
                    let gguf = h * HS + 2 * i + j
                    for c in 0..<columns { out[gguf * columns + c] = m[hf * columns + c] }
                }
            }
        }
        return out
    }

    /// Hugging Face row h·HS + j·HS/2 + i is GGUF row h·HS + 2i + j (j = 0, 1).
    static func unpermuteRows(_ m: [Float], heads: Int, HS: Int, columns: Int) -> [Float] {
        var out = m
        let half = HS / 2
        for h in 0..<heads {
            for i in 0..<half {
                for j in 0..<2 {
                    let hf = h * HS + j * half + i
                    let gguf = h * HS + 2 * i + j
                    for c in 0..<columns { out[hf * columns + c] = m[gguf * columns + c] }
                }
            }
        }
        return out
    }

    struct Config: Encodable {
        var base_model_name_or_path: String
        var peft_type = "LORA"
        var task_type = "CAUSAL_LM"
        var r: Int
        var lora_alpha: Float
        var lora_dropout: Float = 0
        var target_modules: [String]
        var bias = "none"
        var fan_in_fan_out = false
        var inference_mode = true
        var use_rslora = false
    }

    /// Writes `dir/adapter_model.safetensors` and `dir/adapter_config.json`, each atomically
    /// (temporary file, then rename).
    public static func write(_ adapters: LoRAAdapters, earlierStages: [[Float]] = [], baseModel: String, to dir: URL) throws {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Safetensors.encode(tensors(adapters, earlierStages: earlierStages)).write(
                to: dir.appendingPathComponent("adapter_model.safetensors"), options: .atomic)
            let config = Config(
                base_model_name_or_path: baseModel, r: adapters.config.rank * (earlierStages.count + 1),
                // Stacked stages keep each stage's scale alpha / r.
                lora_alpha: adapters.config.alpha * Float(earlierStages.count + 1),
                lora_dropout: adapters.config.dropout,
                target_modules: adapters.config.targets.map { String($0.peftModule.split(separator: ".").last!) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(config).write(to: dir.appendingPathComponent("adapter_config.json"), options: .atomic)
        } catch let error as TrainingError {
            throw error
        } catch {
            throw TrainingError.checkpointWrite(path: dir.path, reason: error.localizedDescription)
        }
    }
}
