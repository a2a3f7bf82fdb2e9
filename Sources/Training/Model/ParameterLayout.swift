/// Where each weight lives in the one flat parameter buffer (and, at the same offsets, in the
/// gradient and optimizer buffers), so that the optimizer and gradient clipping run over a
/// single array while the forward pass finds each tensor by offset.
public struct ParameterLayout: Sendable {
    /// One named tensor: `shape` row-major, GGUF names.
    public struct Tensor: Sendable, Hashable {
        public var name: String
        public var offset: Int
        public var shape: [Int]
        public var count: Int { shape.reduce(1, *) }
    }

    /// Offsets of one block's tensors.
    struct Layer: Sendable {
        var attentionNorm: Int  // (C)
        var qkv: Int  // (QKV, C)
        var qkvBias: Int?  // (QKV)
        var attentionOutput: Int  // (C, QD)
        var ffnNorm: Int  // (C)
        var gateUp: Int  // (2F, C)
        var down: Int  // (C, F)
    }

    public private(set) var tensors: [Tensor] = []
    public private(set) var count = 0
    var tokenEmbedding = 0  // (V, C)
    var layers: [Layer] = []
    var outputNorm = 0  // (C)
    /// (V, C); equal to `tokenEmbedding` when tied.
    var output = 0

    public init(shape s: ModelShape) {
        tokenEmbedding = add("token_embd.weight", [s.V, s.C])
        for l in 0..<s.L {
            let p = "blk.\(l)."
            let attentionNorm = add(p + "attn_norm.weight", [s.C])
            let qkv = add(p + "attn_qkv.weight", [s.QKV, s.C])
            let bias = s.qkvBias ? add(p + "attn_qkv.bias", [s.QKV]) : nil
            layers.append(
                Layer(
                    attentionNorm: attentionNorm, qkv: qkv, qkvBias: bias,
                    attentionOutput: add(p + "attn_output.weight", [s.C, s.QD]),
                    ffnNorm: add(p + "ffn_norm.weight", [s.C]),
                    gateUp: add(p + "ffn_gate_up.weight", [2 * s.F, s.C]),
                    down: add(p + "ffn_down.weight", [s.C, s.F])))
        }
        outputNorm = add("output_norm.weight", [s.C])
        output = s.tiedOutput ? tokenEmbedding : add("output.weight", [s.V, s.C])
    }

    private mutating func add(_ name: String, _ shape: [Int]) -> Int {
        let tensor = Tensor(name: name, offset: count, shape: shape)
        tensors.append(tensor)
        count += tensor.count
        return tensor.offset
    }

    /// The tensor called `name`, if any.
    public func tensor(_ name: String) -> Tensor? { tensors.first { $0.name == name } }
}
