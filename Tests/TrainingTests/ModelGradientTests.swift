import Foundation
import Policy
import Testing

@testable import Training

/// The whole backward pass against central differences of the mean loss, on both tiny models.
/// The forward pass is fp32, so each difference uses a step of 1e-2 and is compared in two ways:
/// (1) per tensor, the directional derivative along a random unit direction d of ±1/sqrt(n)
/// entries (g · d against (L(w + εd) − L(w − εd)) / 2ε), which sums many entries and so stands
/// well above rounding;
/// (2) the three entries of largest gradient in each tensor. Stated tolerances: relative error
/// below 2e-2 for both. Measured worst (directional, entries): tiny-qwen2 2.8e-3, 2.0e-4;
/// tiny-llama 2.2e-3, 1.3e-4; LoRA tiny-qwen2 5.9e-3, 4.0e-4; LoRA tiny-llama 2.3e-3, 4.0e-4.
@Suite("End-to-end gradients by finite differences")
struct ModelGradientTests {
    static let tolerance = 2e-2
    static let step: Float = 1e-2

    /// Central difference of the mean loss when `parameters[indices] += ε · direction`.
    static func numeric(
        _ model: TrainableModel, _ sequence: TrainingSequence, buffer: FloatBuffer, indices: [Int], direction: [Float]
    ) -> Double {
        func shifted(_ sign: Float) -> Double {
            for (i, d) in zip(indices, direction) { buffer[i] += sign * step * d }
            defer { for (i, d) in zip(indices, direction) { buffer[i] -= sign * step * d } }
            return model.loss(sequence).mean
        }
        return (shifted(1) - shifted(-1)) / Double(2 * step)
    }

    /// Compares analytic and numeric derivatives over the given tensors (name, offset, count).
    static func check(
        _ model: TrainableModel, _ sequence: TrainingSequence, parameters: FloatBuffer, gradients: FloatBuffer,
        tensors: [(name: String, offset: Int, count: Int)], label: String
    ) {
        var rng = RandomSource(seed: 11)
        var worstDirectional = 0.0
        var worstEntry = 0.0
        for tensor in tensors {
            let indices = Array(tensor.offset..<(tensor.offset + tensor.count))
            let unit = 1 / Float(indices.count).squareRoot()
            let direction = indices.map { _ in Bool.random(using: &rng) ? unit : -unit }
            let analytic = zip(indices, direction).reduce(0.0) { $0 + Double(gradients[$1.0]) * Double($1.1) }
            let numeric = Self.numeric(model, sequence, buffer: parameters, indices: indices, direction: direction)
            let error = worstRelativeError([analytic], [numeric], floor: 1e-6)
            worstDirectional = max(worstDirectional, error)
            #expect(error < tolerance, "\(label) \(tensor.name) directional: analytic \(analytic), numeric \(numeric)")
            let largest = indices.sorted { abs(gradients[$0]) > abs(gradients[$1]) }.prefix(3)
            for i in largest {
                let n = Self.numeric(model, sequence, buffer: parameters, indices: [i], direction: [1])
                let e = worstRelativeError([Double(gradients[i])], [n], floor: 1e-6)
                worstEntry = max(worstEntry, e)
                #expect(e < tolerance, "\(label) \(tensor.name)[\(i - tensor.offset)]: analytic \(gradients[i]), numeric \(n)")
            }
        }
        #expect(worstDirectional < tolerance && worstEntry < tolerance, "\(label): worst \(worstDirectional), \(worstEntry)")
    }

    @Test("full fine-tuning: every tensor, both architectures", arguments: TinyModels.names)
    func fullFineTuning(name: String) throws {
        let model = try TinyModels.trainable(name)
        let sequence = TinyModels.sequence(vocabulary: model.shape.V)
        model.zeroGradients()
        model.accumulateGradients(sequence, weight: 1 / Float(sequence.lossTokenCount))
        let (parameters, gradients) = model.trainable
        // The embedding's rows for the sequence's tokens only: the others have no gradient
        // (unless tied, where the head gives every row one).
        var tensors: [(name: String, offset: Int, count: Int)] = model.layout.tensors.filter { $0.name != "token_embd.weight" }
            .map { ($0.name, $0.offset, $0.count) }
        let C = model.shape.C
        tensors.append(("token_embd.weight[\(sequence.tokens[0])]", model.layout.tokenEmbedding + sequence.tokens[0] * C, C))
        Self.check(model, sequence, parameters: parameters, gradients: gradients, tensors: tensors, label: name)
        #expect(model.layout.tensor("output.weight") == nil ? name == "tiny-llama" : name == "tiny-qwen2")
        #expect(model.layout.tensor("blk.0.attn_qkv.bias") != nil || name == "tiny-llama")
    }

    @Test("LoRA: A and B of every target, both architectures", arguments: TinyModels.names)
    func lora(name: String) throws {
        let model = try TinyModels.trainable(name, lora: LoRAConfig(rank: 4, alpha: 8))
        let adapters = try #require(model.lora)
        // B starts at zero, where A has no gradient: move B off zero first.
        var rng = RandomSource(seed: 5)
        for l in 0..<model.shape.L {
            for (i, _) in adapters.config.targets.enumerated() {
                let o = adapters.offsets[l][i]
                let end =
                    i + 1 < adapters.offsets[l].count
                    ? adapters.offsets[l][i + 1].a
                    : (l + 1 < model.shape.L ? adapters.offsets[l + 1][0].a : adapters.parameters.count)
                for j in o.b..<end { adapters.parameters[j] = Float.random(in: -0.1...0.1, using: &rng) }
            }
        }
        let sequence = TinyModels.sequence(vocabulary: model.shape.V)
        model.zeroGradients()
        model.accumulateGradients(sequence, weight: 1 / Float(sequence.lossTokenCount))
        var tensors: [(name: String, offset: Int, count: Int)] = []
        for l in 0..<model.shape.L {
            for (i, target) in adapters.config.targets.enumerated() {
                let g = target.geometry(model.shape)
                let o = adapters.offsets[l][i]
                tensors.append(("\(l).\(target).A", o.a, adapters.config.rank * g.inputs))
                tensors.append(("\(l).\(target).B", o.b, g.outputs * adapters.config.rank))
            }
        }
        Self.check(
            model, sequence, parameters: adapters.parameters, gradients: adapters.gradients, tensors: tensors,
            label: "\(name) LoRA")
    }
}

@Suite("LoRA dropout")
struct LoRADropoutTests {
    @Test("gradients with dropout match finite differences under the same masks; forward-only passes see no dropout")
    func gradient() throws {
        for name in TinyModels.names {
            let model = try TinyModels.trainable(name, lora: LoRAConfig(rank: 4, alpha: 8, dropout: 0.3))
            let adapters = try #require(model.lora)
            var rng = RandomSource(seed: 8)
            for i in 0..<adapters.parameters.count { adapters.parameters[i] += Float.random(in: -0.05...0.05, using: &rng) }
            let sequence = TinyModels.sequence(vocabulary: model.shape.V)
            let weight = 1 / Float(sequence.lossTokenCount)
            let plain = model.loss(sequence).mean
            #expect(model.loss(sequence).mean == plain, "a forward-only pass is deterministic: no dropout")
            model.reseedDropout(42)
            model.zeroGradients()
            let dropped = model.accumulateGradients(sequence, weight: weight).mean
            #expect(abs(dropped - plain) > 1e-4, "dropout changes the training pass")
            var direction = RandomSource(seed: 13)
            let d = (0..<adapters.parameters.count).map { _ in Float.random(in: -1...1, using: &direction) }
            let analytic = d.indices.reduce(0.0) { $0 + Double(adapters.gradients[$1]) * Double(d[$1]) }
            let epsilon: Float = 1e-3
            func shifted(_ sign: Float) -> Double {
                for i in d.indices { adapters.parameters[i] += sign * epsilon * d[i] }
                defer { for i in d.indices { adapters.parameters[i] -= sign * epsilon * d[i] } }
                model.reseedDropout(42)
                model.dropoutActive = true
                defer { model.dropoutActive = false }
                return model.loss(sequence).mean
            }
            let numeric = (shifted(1) - shifted(-1)) / Double(2 * epsilon)
            #expect(worstRelativeError([analytic], [numeric]) < 2e-2, "\(name): analytic \(analytic), numeric \(numeric)")
        }
    }
}
