import Foundation
import Policy
import TestSupport
import Testing

@testable import Training

@Suite("Checkpoints exported to GGUF")
struct ExportTests {
    /// Largest gap between the last row of logits of the trained model and of the exported file
    /// run by the inference engine.
    static func gap(_ model: TrainableModel, exported url: URL, tokens: [Int]) throws -> Float {
        let engine = try LanguageModel(path: url.path, quantizedDecoding: false)
        let expected = Array(model.logits(tokens).suffix(model.shape.V))
        let actual = Array(engine.logits(tokens).suffix(model.shape.V))
        return zip(expected, actual).map { abs($0 - $1) }.max() ?? .infinity
    }

    @Test(
        "a two-stage LoRA run (SFT merged, then GRPO) exported from its PEFT adapter computes the trained logits",
        arguments: TinyModels.names)
    func stackedAdapters(name: String) throws {
        let base = try TinyModels.language(name)
        let model = try TinyModels.trainable(name, lora: LoRAConfig(rank: 4, alpha: 8))
        let adapters = try #require(model.lora)
        var rng = RandomSource(seed: 12)
        func perturb() {
            for i in 0..<adapters.parameters.count { adapters.parameters[i] += Float.random(in: -0.05...0.05, using: &rng) }
        }
        perturb()
        let firstStage = model.trainableValues
        model.mergeAdapters(seed: 2)
        perturb()
        let dir = try Fixtures.temporaryDirectory()
        try AdapterCheckpoint.write(adapters, earlierStages: [firstStage], baseModel: base.path, to: dir)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("adapter_config.json")))
        #expect((config as? [String: Any])?["r"] as? Int == 8, "two stages of rank 4 stack to rank 8")
        let out = dir.appendingPathComponent("model.gguf")
        try GGUFExport.write(try GGUFExport.weights(checkpoint: dir, base: base), base: base, type: .f32, to: out)
        let tokens = TinyModels.sequence(vocabulary: model.shape.V).tokens
        let gap = try Self.gap(model, exported: out, tokens: tokens)
        // The engine keeps K and V in f16; everything else is the same fp32 arithmetic.
        #expect(gap < 2e-2, "\(name): largest logit gap \(gap)")
        model.adaptersEnabled = false
        #expect(try Self.gap(model, exported: out, tokens: tokens) > 1e-2, "the GRPO stage must matter")
    }

    @Test("a full fine-tune exported from model.safetensors computes the trained logits", arguments: TinyModels.names)
    func fullFineTune(name: String) throws {
        let base = try TinyModels.language(name)
        let model = try TinyModels.trainable(name)
        var rng = RandomSource(seed: 4)
        let (parameters, _) = model.trainable
        for i in 0..<parameters.count { parameters[i] += Float.random(in: -0.02...0.02, using: &rng) }
        let dir = try Fixtures.temporaryDirectory()
        try ModelCheckpoint.write(model, to: dir)
        let out = dir.appendingPathComponent("model.gguf")
        try GGUFExport.write(try GGUFExport.weights(checkpoint: dir, base: base), base: base, type: .f32, to: out)
        let gap = try Self.gap(model, exported: out, tokens: TinyModels.sequence(vocabulary: model.shape.V).tokens)
        #expect(gap < 2e-2, "\(name): largest logit gap \(gap)")
    }

    @Test("a folder that is not a checkpoint is refused by name")
    func notACheckpoint() throws {
        let base = try TinyModels.language("tiny-qwen2")
        let dir = try Fixtures.temporaryDirectory()
        #expect {
            _ = try GGUFExport.weights(checkpoint: dir, base: base)
        } throws: { error in
            (error as? TrainingError)?.description.contains("not a checkpoint") == true
        }
    }
}
