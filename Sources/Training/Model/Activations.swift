/// Everything the forward pass of one sequence keeps for the backward pass, plus the backward
/// scratch buffers, allocated once for up to `capacity` rows and reused across steps.
/// Memory is dominated by `probs` (L · NH · T²) and `logits` (T · V).
final class Activations {
    let capacity: Int
    /// Attention probabilities held per head and layer, and the largest block's size.
    let probabilityCapacity: Int
    let blockCapacity: Int
    // Per layer; residual has L + 1 entries, the last being the final residual stream.
    let residual: [FloatBuffer]  // (T, C) input of each block
    let ln1: [FloatBuffer]  // (T, C)
    let rstd1: [FloatBuffer]  // (T)
    let qkv: [FloatBuffer]  // (T, QKV) after RoPE
    let probs: [FloatBuffer]  // (NH, probabilitiesPerHead): (NH, T, T) for one sequence
    let att: [FloatBuffer]  // (T, QD)
    let mid: [FloatBuffer]  // (T, C) residual after attention
    let ln2: [FloatBuffer]  // (T, C)
    let rstd2: [FloatBuffer]  // (T)
    let gateUp: [FloatBuffer]  // (T, 2F)
    let hidden: [FloatBuffer]  // (T, F)
    /// LoRA's u = x · Aᵀ per [layer][target index]: (T, r).
    let loraU: [[FloatBuffer]]
    /// LoRA dropout's factors (0 or 1 / (1 − p)) per [layer][target index]: (T, in); empty
    /// without dropout.
    let loraMask: [[FloatBuffer]]
    /// (T, largest adapter input): the dropped input, or the input gradient before masking.
    let loraScratch: FloatBuffer
    let lnf: FloatBuffer  // (T, C)
    let rstdf: FloatBuffer  // (T)
    let logits: FloatBuffer  // (T, V)

    // Backward scratch.
    let dx: FloatBuffer  // (T, C) gradient of the residual stream
    let dln: FloatBuffer  // (T, C)
    let dqkv: FloatBuffer  // (T, QKV)
    let datt: FloatBuffer  // (T, QD)
    let dscores: FloatBuffer  // the largest attention block: (T, T) for one sequence
    let dgateUp: FloatBuffer  // (T, 2F)
    let dhidden: FloatBuffer  // (T, F)
    let dlogits: FloatBuffer  // (T, V)
    let du: FloatBuffer  // (T, r)
    let proj: FloatBuffer  // (T, C) forward scratch

    /// Room for `rows` rows whose attention keeps `probabilities` per head, the largest block
    /// being `block`.
    init(shape s: ModelShape, rows T: Int, probabilities: Int, block: Int, lora: LoRAConfig?) {
        capacity = T
        probabilityCapacity = probabilities
        blockCapacity = block
        func make(_ n: Int, _ count: Int) -> [FloatBuffer] { (0..<count).map { _ in FloatBuffer(count: n) } }
        residual = make(T * s.C, s.L + 1)
        ln1 = make(T * s.C, s.L)
        rstd1 = make(T, s.L)
        qkv = make(T * s.QKV, s.L)
        probs = make(s.NH * probabilityCapacity, s.L)
        att = make(T * s.QD, s.L)
        mid = make(T * s.C, s.L)
        ln2 = make(T * s.C, s.L)
        rstd2 = make(T, s.L)
        gateUp = make(T * 2 * s.F, s.L)
        hidden = make(T * s.F, s.L)
        let r = lora?.rank ?? 0
        loraU = (0..<s.L).map { _ in make(T * r, lora?.targets.count ?? 0) }
        let dropout = (lora?.dropout ?? 0) > 0
        loraMask = (0..<s.L).map { _ in
            dropout ? (lora?.targets ?? []).map { FloatBuffer(count: T * $0.geometry(s).inputs) } : []
        }
        loraScratch = FloatBuffer(count: dropout ? T * max(s.C, s.QD, s.F) : 1)
        lnf = FloatBuffer(count: T * s.C)
        rstdf = FloatBuffer(count: T)
        logits = FloatBuffer(count: T * s.V)
        dx = FloatBuffer(count: T * s.C)
        dln = FloatBuffer(count: T * s.C)
        dqkv = FloatBuffer(count: T * s.QKV)
        datt = FloatBuffer(count: T * s.QD)
        dscores = FloatBuffer(count: blockCapacity)
        dgateUp = FloatBuffer(count: T * 2 * s.F)
        dhidden = FloatBuffer(count: T * s.F)
        dlogits = FloatBuffer(count: T * s.V)
        du = FloatBuffer(count: T * r)
        proj = FloatBuffer(count: T * s.C)
    }
}
