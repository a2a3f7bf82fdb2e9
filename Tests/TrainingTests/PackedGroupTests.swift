import Foundation
import Policy
import Testing

@testable import Training

/// A GRPO group packed into one pass (the prompt's rows once, each completion after it) must be
/// indistinguishable from running every completion as its own sequence.
@Suite("GRPO: completions of one prompt packed into one pass")
struct PackedGroupTests {
    static func group(vocabulary V: Int) -> (prompt: [Int], completions: [[Int]]) {
        var rng = RandomSource(seed: 5)
        func tokens(_ n: Int) -> [Int] { (0..<n).map { _ in Int.random(in: 0..<min(V, 400), using: &rng) } }
        // Lengths 1 (only the shared row predicts), short, long and equal ones.
        return (tokens(7), [tokens(5), tokens(1), tokens(9), tokens(5)])
    }

    static func perturbed(_ name: String) throws -> TrainableModel {
        let model = try TinyModels.trainable(name, lora: LoRAConfig(rank: 4, alpha: 8))
        let adapters = try #require(model.lora)
        var rng = RandomSource(seed: 9)
        for i in 0..<adapters.parameters.count { adapters.parameters[i] += Float.random(in: -0.05...0.05, using: &rng) }
        return model
    }

    @Test("the layout puts each completion after the prompt's positions and keeps the blocks apart")
    func layout() {
        let layout = SequenceLayout(promptLength: 3, segmentLengths: [2, 0, 1])
        #expect(layout.rows == 6)
        #expect(layout.positions == [0, 1, 2, 3, 4, 3])
        #expect(layout.segments == [3..<5, 5..<5, 5..<6])
        #expect(layout.probabilitiesPerHead == 9 + 2 * 5 + 0 + 1 * 4)
        #expect(layout.blockOffset(2) == 9 + 10)
        #expect(layout.largestBlock == 10)
    }

    @Test("packed log-probabilities and entropies equal each completion's own", arguments: TinyModels.names)
    func logProbs(name: String) throws {
        let model = try Self.perturbed(name)
        let (prompt, completions) = Self.group(vocabulary: model.shape.V)
        let packed = model.groupLogProbs(prompt: prompt, completions: completions, temperature: 0.7)
        #expect(packed.count == completions.count)
        for (i, completion) in completions.enumerated() {
            let alone = model.completionLogProbs(prompt + completion, promptLength: prompt.count, temperature: 0.7)
            #expect(packed[i].logProbs.count == completion.count)
            let worst =
                zip(packed[i].logProbs + packed[i].entropies, alone.logProbs + alone.entropies)
                .map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst < 1e-4, "\(name) completion \(i): worst difference \(worst)")
        }
    }

    @Test("the packed policy gradient equals the sum of the completions' separate gradients", arguments: TinyModels.names)
    func gradient(name: String) throws {
        let model = try Self.perturbed(name)
        let adapters = try #require(model.lora)
        let (prompt, completions) = Self.group(vocabulary: model.shape.V)
        // Distinct coefficients per completion and token, of both signs.
        func coefficients(_ i: Int, _ count: Int) -> [Float] { (0..<count).map { Float(i + 1) * (Float($0 % 3) - 0.8) * 0.1 } }
        model.zeroGradients()
        for (i, completion) in completions.enumerated() {
            model.accumulatePolicyGradient(prompt + completion, promptLength: prompt.count, temperature: 0.7) {
                coefficients(i, $0.logProbs.count)
            }
        }
        let separate = adapters.gradients.array(0, adapters.parameters.count)
        model.zeroGradients()
        model.accumulateGroupPolicyGradient(prompt: prompt, completions: completions, temperature: 0.7) { current in
            current.enumerated().map { coefficients($0.offset, $0.element.logProbs.count) }
        }
        let packed = adapters.gradients.array(0, adapters.parameters.count)
        let scale = separate.map(abs).max() ?? 0
        let worst = zip(separate, packed).map { abs($0 - $1) }.max() ?? .infinity
        #expect(scale > 1e-4, "the check must not compare two zeros")
        #expect(worst <= 1e-4 * scale, "\(name): worst difference \(worst) against gradients up to \(scale)")
    }

    @Test("two completions whose coefficients cancel on the shared row still pull toward their own first tokens")
    func sharedRowTerms() {
        // Σ w = 0: the softmax term vanishes, the one-hot terms remain.
        var row: [Float] = [0.5, -1, 2, 0]
        var d: [Float] = [0, 0, 0, 0]
        crossEntropyBackwardAdding(&d, &row, terms: [(1, 0.5), (2, -0.5)], V: 4, temperature: 1)
        #expect(d == [0, -0.5, 0.5, 0])
        // One term equals the plain kernel.
        var plain: [Float] = [0, 0, 0, 0]
        var added: [Float] = [0, 0, 0, 0]
        crossEntropyBackward(&plain, &row, targets: [3], weights: [0.7], T: 1, V: 4, temperature: 0.7)
        crossEntropyBackwardAdding(&added, &row, terms: [(3, 0.7)], V: 4, temperature: 0.7)
        #expect(zip(plain, added).allSatisfy { abs($0 - $1) < 1e-6 })
    }
}
