/// A projection LoRA can adapt. Q/K/V and gate/up are fused in the model; each part is adapted
/// on its own rows of the fused output, as PEFT adapts the separate Hugging Face modules.
public enum LoRATarget: String, Sendable, Codable, CaseIterable {
    case q, k, v, o, gate, up, down

    /// The module name in PEFT's keys and `target_modules`.
    public var peftModule: String {
        switch self {
        case .q, .k, .v, .o: "self_attn.\(rawValue)_proj"
        case .gate, .up, .down: "mlp.\(rawValue)_proj"
        }
    }

    /// Input and output sizes, and where the output lands in its fused row: `rowOffset` into
    /// rows of `rowStride` values.
    func geometry(_ s: ModelShape) -> (inputs: Int, outputs: Int, rowOffset: Int, rowStride: Int) {
        switch self {
        case .q: (s.C, s.QD, 0, s.QKV)
        case .k: (s.C, s.KVD, s.QD, s.QKV)
        case .v: (s.C, s.KVD, s.QD + s.KVD, s.QKV)
        case .o: (s.QD, s.C, 0, s.C)
        case .gate: (s.C, s.F, 0, 2 * s.F)
        case .up: (s.C, s.F, s.F, 2 * s.F)
        case .down: (s.F, s.C, 0, s.C)
        }
    }
}

/// LoRA hyperparameters, named as in PEFT's `LoraConfig`.
public struct LoRAConfig: Sendable, Hashable, Codable {
    public var rank: Int
    public var alpha: Float
    /// Adapted projections, in the order written to checkpoints.
    public var targets: [LoRATarget]
    /// PEFT's `lora_dropout`: during training updates, each input of an adapter's branch is
    /// zeroed with this probability (and the rest scaled by 1 / (1 − p)); the frozen path and
    /// every forward-only pass see the inputs whole.
    public var dropout: Float

    public init(rank: Int = 8, alpha: Float = 16, targets: [LoRATarget] = LoRATarget.allCases, dropout: Float = 0) {
        self.rank = rank
        self.alpha = alpha
        self.targets = targets
        self.dropout = dropout
    }

    /// The update B·A is scaled by alpha / rank, so that changing the rank does not change the
    /// effective learning rate much.
    public var scale: Float { alpha / Float(rank) }
}
