import Foundation
import Policy

/// A Llama/Qwen2 model in fp32 for training: the parameters in one flat buffer (`layout`), a
/// forward pass over a whole sequence that keeps its activations, and the backward pass that
/// mirrors it in reverse. Gradients of the base weights are kept only for full fine-tuning;
/// with LoRA adapters the base is frozen and only the adapters' gradients accumulate.
public final class TrainableModel {
    public let config: ModelConfig
    public let shape: ModelShape
    public let layout: ParameterLayout
    let parameters: FloatBuffer
    /// Gradients of the base weights (full fine-tuning), nil when frozen.
    let gradients: FloatBuffer?
    public let lora: LoRAAdapters?
    private var activations: Activations?
    /// Rounds Q, K and V to f16 after RoPE, and attention's probabilities, as inference's f16 KV
    /// cache does: only for tests that compare logits with the inference engine at fp32
    /// precision. Training leaves it off.
    var roundsAttentionInputsToHalf = false
    /// False runs the frozen base alone: GRPO's reference policy for the KL term, at no cost of
    /// a second copy of the weights. Only for forward passes (`logits`, `loss`).
    public var adaptersEnabled = true
    /// Draws LoRA dropout's masks; trainers reseed it per step (`reseedDropout`) so that a resumed
    /// run draws the same masks as an uninterrupted one.
    var dropoutRNG = RandomSource(seed: 0)
    /// Set during the forward pass of a gradient computation: only then does LoRA dropout apply.
    var dropoutActive = false

    /// A model from fp32 weights; `lora` nil means full fine-tuning, or with `frozen` a model
    /// that only runs forward (a reference policy) and keeps no gradients.
    public init(weights: DenseWeights, config: ModelConfig, lora: LoRAConfig? = nil, seed: UInt64 = 0, frozen: Bool = false) {
        self.config = config
        shape = ModelShape(config: config, qkvBias: weights.layers.first?.qkvBias != nil)
        let layout = ParameterLayout(shape: shape)
        self.layout = layout
        let parameters = FloatBuffer(count: layout.count)
        self.parameters = parameters
        func put(_ offset: Int, _ values: [Float]) {
            values.withUnsafeBufferPointer { (parameters.pointer + offset).update(from: $0.baseAddress!, count: values.count) }
        }
        put(layout.tokenEmbedding, weights.tokenEmbedding)
        for (l, w) in weights.layers.enumerated() {
            let o = layout.layers[l]
            put(o.attentionNorm, w.attentionNorm)
            put(o.qkv, w.qkv)
            if let b = o.qkvBias, let bias = w.qkvBias { put(b, bias) }
            put(o.attentionOutput, w.attentionOutput)
            put(o.ffnNorm, w.ffnNorm)
            put(o.gateUp, w.gateUp)
            put(o.down, w.down)
        }
        put(layout.outputNorm, weights.outputNorm)
        if let output = weights.output, layout.output != layout.tokenEmbedding { put(layout.output, output) }
        if let lora {
            var rng = RandomSource(seed: seed)
            self.lora = LoRAAdapters(config: lora, shape: shape, using: &rng)
            gradients = nil
        } else {
            self.lora = nil
            gradients = frozen ? nil : FloatBuffer(count: layout.count)
        }
    }

    /// The model's weights, dequantised, ready to train.
    public convenience init(model: LanguageModel, lora: LoRAConfig? = nil, seed: UInt64 = 0) {
        self.init(weights: model.denseWeights, config: model.config, lora: lora, seed: seed)
    }

    /// The buffers the optimizer updates: adapters, or every base weight.
    var trainable: (parameters: FloatBuffer, gradients: FloatBuffer) {
        if let lora { return (lora.parameters, lora.gradients) }
        guard let gradients else { preconditionFailure("a frozen model has nothing to train") }
        return (parameters, gradients)
    }

    /// The trainable values (adapters, or every weight), for checkpoints that resume.
    public var trainableValues: [Float] { trainable.parameters.array() }

    /// Puts back values saved from `trainableValues`.
    public func restoreTrainableValues(_ values: [Float]) throws {
        let buffer = trainable.parameters
        guard values.count == buffer.count else {
            throw TrainingError.invalidSettings(
                "the checkpoint holds \(values.count) trainable values, this model has \(buffer.count) (different model or LoRA settings)"
            )
        }
        values.withUnsafeBufferPointer { buffer.pointer.update(from: $0.baseAddress!, count: $0.count) }
    }

    /// Sets every trainable gradient to zero (the start of a step).
    public func zeroGradients() { trainable.gradients.zero() }

    private func activations(for layout: SequenceLayout) -> Activations {
        reserveActivations(for: [layout])
        return activations!
    }

    /// Makes room for the largest of `layouts` at once: growing buffers of gigabytes one pack at
    /// a time would pay the kernel's page clearing again with every larger pack.
    func reserveActivations(for layouts: [SequenceLayout]) {
        let rows = layouts.map(\.rows).max() ?? 0
        let probabilities = layouts.map(\.probabilitiesPerHead).max() ?? 0
        let block = layouts.map(\.largestBlock).max() ?? 0
        if let a = activations, a.capacity >= rows, a.probabilityCapacity >= probabilities, a.blockCapacity >= block {
            return
        }
        // Grown to the largest seen so far, so alternating shapes do not reallocate every time.
        let old = activations
        activations = nil  // the old buffers go before the new ones arrive
        activations = Activations(
            shape: shape, rows: max(rows, old?.capacity ?? 1), probabilities: max(probabilities, old?.probabilityCapacity ?? 1),
            block: max(block, old?.blockCapacity ?? 1), lora: lora?.config)
    }

    // MARK: - Forward

    /// Logits (T, V) for every position of `tokens`.
    public func logits(_ tokens: [Int]) -> [Float] {
        let a = forward(tokens)
        return a.logits.array(0, tokens.count * shape.V)
    }

    /// Runs `tokens` through the model, keeping the activations. `packing` (default: one plain
    /// sequence) packs continuations of a shared prompt side by side.
    @discardableResult
    func forward(_ tokens: [Int], packing: SequenceLayout? = nil) -> Activations {
        let s = shape
        let (T, C, F, QD, QKV) = (tokens.count, s.C, s.F, s.QD, s.QKV)
        let packing = packing ?? .plain(T)
        precondition(packing.rows == T, "the packing covers every row")
        let a = activations(for: packing)
        let p = parameters.pointer
        let angles = RopeAngles(positions: packing.positions, HS: s.HS, base: s.ropeBase, scale: s.ropeScale)
        for (t, token) in tokens.enumerated() {
            (a.residual[0].pointer + t * C).update(from: p + layout.tokenEmbedding + token * C, count: C)
        }
        for l in 0..<s.L {
            let w = layout.layers[l]
            let x = a.residual[l].pointer
            rmsnormForward(a.ln1[l].pointer, a.rstd1[l].pointer, x, p + w.attentionNorm, T: T, C: C, eps: s.eps)
            linearForward(a.qkv[l].pointer, a.ln1[l].pointer, p + w.qkv, w.qkvBias.map { p + $0 }, T: T, C: C, OC: QKV)
            applyLoRA(a, layer: l, out: a.qkv[l].pointer, inp: a.ln1[l].pointer, targets: [.q, .k, .v], T: T)
            ropeRotate(a.qkv[l].pointer, rowStride: QKV, heads: s.NH, angles: angles, neox: s.neox, inverse: false, T: T)
            ropeRotate(a.qkv[l].pointer + QD, rowStride: QKV, heads: s.KVH, angles: angles, neox: s.neox, inverse: false, T: T)
            if roundsAttentionInputsToHalf {
                let qkv = a.qkv[l].pointer
                for i in 0..<(T * QKV) { qkv[i] = Float(Float16(qkv[i])) }
            }
            attentionForward(
                a.att[l].pointer, a.probs[l].pointer, a.qkv[l].pointer, layout: packing, NH: s.NH, KVH: s.KVH, HS: s.HS,
                roundsProbabilitiesToHalf: roundsAttentionInputsToHalf)
            linearForward(a.proj.pointer, a.att[l].pointer, p + w.attentionOutput, nil, T: T, C: QD, OC: C)
            applyLoRA(a, layer: l, out: a.proj.pointer, inp: a.att[l].pointer, targets: [.o], T: T)
            let mid = a.mid[l].pointer
            for i in 0..<(T * C) { mid[i] = x[i] + a.proj.pointer[i] }
            rmsnormForward(a.ln2[l].pointer, a.rstd2[l].pointer, mid, p + w.ffnNorm, T: T, C: C, eps: s.eps)
            linearForward(a.gateUp[l].pointer, a.ln2[l].pointer, p + w.gateUp, nil, T: T, C: C, OC: 2 * F)
            applyLoRA(a, layer: l, out: a.gateUp[l].pointer, inp: a.ln2[l].pointer, targets: [.gate, .up], T: T)
            swigluForward(a.hidden[l].pointer, a.gateUp[l].pointer, T: T, F: F)
            linearForward(a.proj.pointer, a.hidden[l].pointer, p + w.down, nil, T: T, C: F, OC: C)
            applyLoRA(a, layer: l, out: a.proj.pointer, inp: a.hidden[l].pointer, targets: [.down], T: T)
            let next = a.residual[l + 1].pointer
            for i in 0..<(T * C) { next[i] = mid[i] + a.proj.pointer[i] }
        }
        rmsnormForward(a.lnf.pointer, a.rstdf.pointer, a.residual[s.L].pointer, p + layout.outputNorm, T: T, C: C, eps: s.eps)
        linearForward(a.logits.pointer, a.lnf.pointer, p + layout.output, nil, T: T, C: C, OC: s.V)
        return a
    }

    /// Starts LoRA dropout's masks afresh from `seed` (a trainer's seed and step).
    public func reseedDropout(_ seed: UInt64) { dropoutRNG = RandomSource(seed: seed) }

    private func applyLoRA(
        _ a: Activations, layer l: Int, out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, targets: [LoRATarget], T: Int
    ) {
        guard let lora, adaptersEnabled else { return }
        let p = lora.config.dropout
        for target in targets {
            guard let i = lora.config.targets.firstIndex(of: target) else { continue }
            if dropoutActive, p > 0 {
                let mask = a.loraMask[l][i].pointer
                let keep = 1 / (1 - p)
                for j in 0..<(T * target.geometry(shape).inputs) { mask[j] = dropoutRNG.unit() < p ? 0 : keep }
                lora.forward(
                    out, a.loraU[l][i].pointer, inp, layer: l, index: i, T: T, mask: mask, scratch: a.loraScratch.pointer)
            } else {
                lora.forward(out, a.loraU[l][i].pointer, inp, layer: l, index: i, T: T)
            }
        }
    }

    // MARK: - Backward

    /// Accumulates the gradients of Σ_t weight[t] · CE(logits[t], target[t]) after `forward`
    /// of the same T tokens and packing. `shared` adds more (target, weight) terms on one row: the
    /// prompt's last row predicts the first token of every packed completion.
    func backward(
        _ tokens: [Int], targets: [Int], weights: [Float], temperature: Float = 1, packing: SequenceLayout? = nil,
        shared: (row: Int, terms: [(target: Int, weight: Float)])? = nil
    ) {
        let s = shape
        let (T, C, F, QD, QKV) = (tokens.count, s.C, s.F, s.QD, s.QKV)
        let packing = packing ?? .plain(T)
        let a = activations(for: packing)
        let p = parameters.pointer
        let dp = gradients?.pointer  // nil: base frozen
        let angles = RopeAngles(positions: packing.positions, HS: s.HS, base: s.ropeBase, scale: s.ropeScale)

        crossEntropyBackward(
            a.dlogits.pointer, a.logits.pointer, targets: targets, weights: weights, T: T, V: s.V, temperature: temperature)
        if let shared {
            crossEntropyBackwardAdding(
                a.dlogits.pointer + shared.row * s.V, a.logits.pointer + shared.row * s.V, terms: shared.terms, V: s.V,
                temperature: temperature)
        }
        a.dln.zero()
        linearBackward(
            a.dln.pointer, dp.map { $0 + layout.output }, nil, a.dlogits.pointer, a.lnf.pointer, p + layout.output, T: T, C: C,
            OC: s.V)
        a.dx.zero()
        rmsnormBackward(
            a.dx.pointer, dp.map { $0 + layout.outputNorm }, a.dln.pointer, a.residual[s.L].pointer, a.rstdf.pointer,
            p + layout.outputNorm, T: T, C: C)
        // From here a.dx is the gradient of the residual stream; each block adds to it.
        for l in stride(from: s.L - 1, through: 0, by: -1) {
            let w = layout.layers[l]
            // MLP: residual[l+1] = mid + down(swiglu(gateUp(norm(mid)))).
            a.dhidden.zero()
            linearBackward(
                a.dhidden.pointer, dp.map { $0 + w.down }, nil, a.dx.pointer, a.hidden[l].pointer, p + w.down, T: T, C: F, OC: C)
            backwardLoRA(
                a, layer: l, dinp: a.dhidden.pointer, dout: a.dx.pointer, inp: a.hidden[l].pointer, targets: [.down], T: T)
            swigluBackward(a.dgateUp.pointer, a.dhidden.pointer, a.gateUp[l].pointer, T: T, F: F)
            a.dln.zero()
            linearBackward(
                a.dln.pointer, dp.map { $0 + w.gateUp }, nil, a.dgateUp.pointer, a.ln2[l].pointer, p + w.gateUp, T: T, C: C,
                OC: 2 * F)
            backwardLoRA(
                a, layer: l, dinp: a.dln.pointer, dout: a.dgateUp.pointer, inp: a.ln2[l].pointer, targets: [.gate, .up], T: T)
            rmsnormBackward(
                a.dx.pointer, dp.map { $0 + w.ffnNorm }, a.dln.pointer, a.mid[l].pointer, a.rstd2[l].pointer, p + w.ffnNorm, T: T,
                C: C)
            // Attention: mid = residual[l] + o(attention(rope(qkv(norm(residual[l]))))).
            a.datt.zero()
            linearBackward(
                a.datt.pointer, dp.map { $0 + w.attentionOutput }, nil, a.dx.pointer, a.att[l].pointer, p + w.attentionOutput,
                T: T, C: QD, OC: C)
            backwardLoRA(a, layer: l, dinp: a.datt.pointer, dout: a.dx.pointer, inp: a.att[l].pointer, targets: [.o], T: T)
            attentionBackward(
                a.dqkv.pointer, a.dscores.pointer, a.datt.pointer, a.probs[l].pointer, a.qkv[l].pointer, layout: packing,
                NH: s.NH, KVH: s.KVH, HS: s.HS)
            ropeRotate(a.dqkv.pointer, rowStride: QKV, heads: s.NH, angles: angles, neox: s.neox, inverse: true, T: T)
            ropeRotate(a.dqkv.pointer + QD, rowStride: QKV, heads: s.KVH, angles: angles, neox: s.neox, inverse: true, T: T)
            a.dln.zero()
            linearBackward(
                a.dln.pointer, dp.map { $0 + w.qkv }, w.qkvBias.flatMap { b in dp.map { $0 + b } }, a.dqkv.pointer,
                a.ln1[l].pointer, p + w.qkv, T: T, C: C, OC: QKV)
            backwardLoRA(
                a, layer: l, dinp: a.dln.pointer, dout: a.dqkv.pointer, inp: a.ln1[l].pointer, targets: [.q, .k, .v], T: T)
            rmsnormBackward(
                a.dx.pointer, dp.map { $0 + w.attentionNorm }, a.dln.pointer, a.residual[l].pointer, a.rstd1[l].pointer,
                p + w.attentionNorm, T: T, C: C)
        }
        if let dp {
            let dE = dp + layout.tokenEmbedding
            for (t, token) in tokens.enumerated() {
                let row = dE + token * C
                let g = a.dx.pointer + t * C
                for i in 0..<C { row[i] += g[i] }
            }
        }
    }

    private func backwardLoRA(
        _ a: Activations, layer l: Int, dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, inp: UnsafePointer<Float>,
        targets: [LoRATarget], T: Int
    ) {
        guard let lora else { return }
        let masked = dropoutActive && lora.config.dropout > 0
        for target in targets {
            guard let i = lora.config.targets.firstIndex(of: target) else { continue }
            lora.backward(
                dinp, a.du.pointer, dout, inp, a.loraU[l][i].pointer, layer: l, index: i, T: T,
                mask: masked ? a.loraMask[l][i].pointer : nil, scratch: masked ? a.loraScratch.pointer : nil)
        }
    }
}
