import Foundation
import Policy
import Testing

@testable import Training

@Suite("Optimisation")
struct OptimizationTests {
    @Test("AdamW's first step moves each weight by lr against its gradient's sign; decay shrinks it")
    func adamWFirstStep() {
        let p = FloatBuffer([1, -2, 0.5])
        let g = FloatBuffer([0.3, -0.01, 0])
        let adam = AdamW(config: AdamWConfig(weightDecay: 0.1), count: 3)
        adam.update(p, g, lr: 0.01)
        // m̂ = g, v̂ = g², so the step is lr · g / (|g| + eps) ≈ lr · sign(g).
        #expect(abs(p[0] - (1 * (1 - 0.001) - 0.01)) < 1e-6)
        #expect(abs(p[1] - (-2 * (1 - 0.001) + 0.01)) < 1e-6)
        #expect(abs(p[2] - 0.5 * (1 - 0.001)) < 1e-7)
    }

    @Test("gradient clipping scales to the maximum norm and reports the norm before")
    func clipping() {
        let g = FloatBuffer([3, 4])
        #expect(clipGradientNorm(g, maxNorm: 1) == 5)
        #expect(abs(g[0] - 0.6) < 1e-5 && abs(g[1] - 0.8) < 1e-5)
        #expect(clipGradientNorm(g, maxNorm: 0) < 1.0001)
    }

    @Test("schedules: warm-up, then constant, linear or cosine decay")
    func schedules() {
        let linear = LearningRateSchedule(kind: .linear, peak: 1, warmupSteps: 1, totalSteps: 11)
        #expect(linear.rate(at: 0) == 0.5)
        #expect(linear.rate(at: 1) == 1)
        #expect(abs(linear.rate(at: 6) - 0.5) < 1e-6)
        let cosine = LearningRateSchedule(kind: .cosine, peak: 2, totalSteps: 10)
        #expect(cosine.rate(at: 0) == 2)
        #expect(abs(cosine.rate(at: 5) - 1) < 1e-6)
        #expect(abs(cosine.rate(at: 10)) < 1e-6)
        #expect(LearningRateSchedule(peak: 3, totalSteps: 5).rate(at: 4) == 3)
    }

    /// A fixed batch of two sequences, with accumulation over both, for LoRA and full
    /// fine-tuning: the loss must at least halve within a few steps.
    @Test("a few steps on a fixed batch halve its loss", arguments: [0, 8])
    func lossFalls(rank: Int) throws {
        let model = try TinyModels.trainable("tiny-qwen2", lora: rank > 0 ? LoRAConfig(rank: rank, alpha: 16) : nil)
        let batch = [
            TinyModels.sequence(length: 16, vocabulary: model.shape.V, seed: 1),
            TinyModels.sequence(length: 12, vocabulary: model.shape.V, seed: 2),
        ]
        let tokens = batch.reduce(0) { $0 + $1.lossTokenCount }
        func batchLoss() -> Double { batch.map(model.loss).reduce(LossSum(), +).mean }
        let before = batchLoss()
        let optimizer = Optimizer(model: model, schedule: LearningRateSchedule(peak: rank > 0 ? 1e-2 : 3e-3, totalSteps: 20))
        for _ in 0..<20 {
            for s in batch { model.accumulateGradients(s, weight: 1 / Float(tokens)) }
            optimizer.step()
        }
        let after = batchLoss()
        #expect(after < before / 2, "rank \(rank): loss \(before) -> \(after)")
        if rank > 0 {
            // With the adapters off, the frozen base (GRPO's reference policy) is untouched.
            model.adaptersEnabled = false
            #expect(abs(batchLoss() - before) < 1e-9)
        }
    }
}
