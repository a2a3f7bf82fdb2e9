import Foundation
import Policy
import Testing

@testable import Training

@Suite("Training forward pass")
struct ForwardTests {
    /// Inference rounds queries, the KV cache and attention's probabilities to f16 (llama.cpp's
    /// precision), which the fp32
    /// training pass does not; on these models (logits spread ~8) that moves logits by up to
    /// ~1.4e-2 (measured: 8.6e-3 qwen2, 1.35e-2 llama over 54 tokens). With the same rounding
    /// emulated, only summation order and exp differ: below 1e-3.
    static let tolerance: Float = 2e-2
    static let emulatedTolerance: Float = 1e-3

    @Test("logits equal the inference engine's (fp32 path) on both architectures", arguments: TinyModels.names)
    func logitsMatchInference(name: String) throws {
        let lm = try TinyModels.language(name)
        let model = TrainableModel(model: lm)
        let tokens = lm.tokenizer.encode("module counter(input clk, output reg [3:0] q); always @(posedge clk) q <= q + 1;")
        let ours = model.logits(tokens)
        let theirs = lm.logits(tokens)
        #expect(ours.count == theirs.count)
        let worst = zip(ours, theirs).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < Self.tolerance, "\(name): worst logit difference \(worst) over \(tokens.count) tokens")
        model.roundsAttentionInputsToHalf = true
        let emulated = zip(model.logits(tokens), theirs).map { abs($0 - $1) }.max() ?? 0
        #expect(emulated < Self.emulatedTolerance, "\(name): worst difference \(emulated) with f16 Q/K/V emulated")
    }

    @Test("a LoRA model starts equal to its base (B = 0)")
    func loraStartsAtBase() throws {
        let lm = try TinyModels.language("tiny-qwen2")
        let tokens = Array(lm.tokenizer.encode("assign y = a & b;").prefix(10))
        let base = TrainableModel(model: lm).logits(tokens)
        let adapted = TrainableModel(model: lm, lora: LoRAConfig(rank: 4, alpha: 8)).logits(tokens)
        #expect(base == adapted)
    }
}
