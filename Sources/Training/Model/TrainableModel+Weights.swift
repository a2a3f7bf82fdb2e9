import Policy

extension TrainableModel {
    /// The weights the model computes with, adapters merged in (W + scale · B · A on each
    /// adapted projection's rows): what sampling between updates and an exported GGUF use.
    public func mergedWeights() -> DenseWeights {
        let merged = FloatBuffer(count: layout.count)
        merged.pointer.update(from: parameters.pointer, count: layout.count)
        if let lora { addDeltas(of: lora, into: merged) }
        let p = merged
        return DenseWeights(
            tokenEmbedding: p.array(layout.tokenEmbedding, shape.V * shape.C),
            layers: layout.layers.map { w in
                DenseWeights.Layer(
                    attentionNorm: p.array(w.attentionNorm, shape.C), qkv: p.array(w.qkv, shape.QKV * shape.C),
                    qkvBias: w.qkvBias.map { p.array($0, shape.QKV) },
                    attentionOutput: p.array(w.attentionOutput, shape.C * shape.QD), ffnNorm: p.array(w.ffnNorm, shape.C),
                    gateUp: p.array(w.gateUp, 2 * shape.F * shape.C), down: p.array(w.down, shape.C * shape.F))
            },
            outputNorm: p.array(layout.outputNorm, shape.C),
            output: shape.tiedOutput ? nil : p.array(layout.output, shape.V * shape.C))
    }

    /// Folds the adapters into the base weights and starts them afresh (A random, B zero), so
    /// that the model is unchanged but "adapters off" now means this model: after the SFT stage,
    /// GRPO's KL reference is the fine-tuned model, as it is when TRL starts from an SFT checkpoint.
    /// The caller must start a new optimizer (the old moments belong to the old adapters).
    public func mergeAdapters(seed: UInt64) {
        guard let lora else { return }
        addDeltas(of: lora, into: parameters)
        var rng = RandomSource(seed: seed)
        lora.reset(using: &rng)
    }

    /// A forward-only copy of the current (merged) model: the reference policy of full
    /// fine-tuning, where switching adapters off is not available.
    public func frozenCopy() -> TrainableModel {
        TrainableModel(weights: mergedWeights(), config: config, frozen: true)
    }

    private func addDeltas(of lora: LoRAAdapters, into buffer: FloatBuffer) {
        let r = lora.config.rank
        for (l, w) in layout.layers.enumerated() {
            for (i, target) in lora.config.targets.enumerated() {
                let g = target.geometry(shape)
                let weight: Int
                switch target {
                case .q, .k, .v: weight = w.qkv
                case .o: weight = w.attentionOutput
                case .gate, .up: weight = w.gateUp
                case .down: weight = w.down
                }
                let o = lora.offsets[l][i]
                // Rows rowOffset..<rowOffset+outputs of the fused (rows, inputs) matrix.
                gemm(
                    buffer.pointer + weight + g.rowOffset * g.inputs, ldc: g.inputs, lora.parameters.pointer + o.b, lda: r,
                    lora.parameters.pointer + o.a, ldb: g.inputs, M: g.outputs, N: g.inputs, K: r,
                    alpha: lora.config.scale, beta: 1)
            }
        }
    }
}
