import Foundation
import Policy
import TestSupport

@testable import Training

/// The tiny random models of Policy's fixtures: tiny-qwen2 (fp32, q/k/v biases, NeoX RoPE,
/// separate head) and tiny-llama (quantised in the file, dequantised here to fp32; adjacent-pair
/// RoPE, tied head). Together they cover both RoPE layouts and both kinds of head.
enum TinyModels {
    static let names = ["tiny-qwen2", "tiny-llama"]

    static func path(_ name: String) -> String {
        Fixtures.repoRoot.appendingPathComponent("Tests/PolicyTests/Fixtures/\(name).gguf").path
    }

    static func language(_ name: String) throws -> LanguageModel {
        try LanguageModel(path: path(name), quantizedDecoding: false)
    }

    static func trainable(_ name: String, lora: LoRAConfig? = nil) throws -> TrainableModel {
        TrainableModel(model: try language(name), lora: lora, seed: 7)
    }

    /// A short sequence of ordinary tokens with loss on its second half.
    static func sequence(length: Int = 12, vocabulary V: Int, seed: UInt64 = 3) -> TrainingSequence {
        var rng = RandomSource(seed: seed)
        let tokens = (0..<length).map { _ in Int.random(in: 0..<min(V, 400), using: &rng) }
        return TrainingSequence(tokens: tokens, lossMask: (0..<length).map { $0 >= length / 2 })
    }
}

/// Worst relative error |a − b| / max(|a| + |b|, floor) over pairs.
func worstRelativeError(_ a: [Double], _ b: [Double], floor: Double = 1e-6) -> Double {
    zip(a, b).map { abs($0 - $1) / max(abs($0) + abs($1), floor) }.max() ?? 0
}
