import Foundation
import Policy

/// Low-rank adapters on a frozen model: for each layer and target, A (r, in) and B (out, r),
/// adding scale · x · Aᵀ · Bᵀ to the projection's output. All A and B live in one flat buffer,
/// with gradients and optimizer state at the same offsets.
public final class LoRAAdapters {
    public let config: LoRAConfig
    let shape: ModelShape
    /// Offsets of A and B for [layer][target index].
    let offsets: [[(a: Int, b: Int)]]
    let parameters: FloatBuffer
    let gradients: FloatBuffer

    /// PEFT's initialisation: A uniform in ±1/sqrt(in) (Kaiming-uniform with a = sqrt(5)), B
    /// zero, so the adapted model starts equal to the base.
    public init<G: RandomNumberGenerator>(config: LoRAConfig, shape: ModelShape, using rng: inout G) {
        self.config = config
        self.shape = shape
        var count = 0
        var offsets: [[(a: Int, b: Int)]] = []
        for _ in 0..<shape.L {
            var row: [(a: Int, b: Int)] = []
            for target in config.targets {
                let g = target.geometry(shape)
                row.append((count, count + config.rank * g.inputs))
                count += config.rank * (g.inputs + g.outputs)
            }
            offsets.append(row)
        }
        self.offsets = offsets
        parameters = FloatBuffer(count: count)
        gradients = FloatBuffer(count: count)
        reset(using: &rng)
    }

    /// PEFT's initialisation, in place: A drawn afresh, B and the gradients zero.
    func reset<G: RandomNumberGenerator>(using rng: inout G) {
        parameters.zero()
        gradients.zero()
        for l in 0..<shape.L {
            for (i, target) in config.targets.enumerated() {
                let g = target.geometry(shape)
                let bound = 1 / Float(g.inputs).squareRoot()
                for j in 0..<(config.rank * g.inputs) {
                    parameters[offsets[l][i].a + j] = Float.random(in: -bound...bound, using: &rng)
                }
            }
        }
    }

    /// Number of trainable values.
    public var parameterCount: Int { parameters.count }

    /// A (r, in) and B (out, r) of one layer and target, as arrays (checkpoints, tests); from
    /// `values` laid out like `parameters` (a saved stage) when given.
    public func matrices(layer: Int, target: LoRATarget, in values: [Float]? = nil) -> (a: [Float], b: [Float])? {
        guard let i = config.targets.firstIndex(of: target) else { return nil }
        let g = target.geometry(shape)
        let o = offsets[layer][i]
        let (na, nb) = (config.rank * g.inputs, g.outputs * config.rank)
        if let values {
            guard values.count == parameters.count else { return nil }
            return (Array(values[o.a..<(o.a + na)]), Array(values[o.b..<(o.b + nb)]))
        }
        return (parameters.array(o.a, na), parameters.array(o.b, nb))
    }

    // MARK: - Kernels

    /// out[:, rowOffset..<rowOffset+out] += scale · (inp · Aᵀ) · Bᵀ for one layer and target
    /// index; u (T, r) = inp · Aᵀ is kept for the backward pass.
    /// With `mask` (dropout factors, (T, in)), the branch reads inp ⊙ mask, formed in `scratch`.
    func forward(
        _ out: UnsafeMutablePointer<Float>, _ u: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, layer: Int, index: Int,
        T: Int, mask: UnsafePointer<Float>? = nil, scratch: UnsafeMutablePointer<Float>? = nil
    ) {
        let g = config.targets[index].geometry(shape)
        let r = config.rank
        let o = offsets[layer][index]
        var x = inp
        if let mask, let scratch {
            for i in 0..<(T * g.inputs) { scratch[i] = inp[i] * mask[i] }
            x = UnsafePointer(scratch)
        }
        gemm(
            u, ldc: r, x, lda: g.inputs, parameters.pointer + o.a, ldb: g.inputs, transposeB: true, M: T, N: r, K: g.inputs,
            beta: 0)
        gemm(
            out + g.rowOffset, ldc: g.rowStride, u, lda: r, parameters.pointer + o.b, ldb: r, transposeB: true, M: T,
            N: g.outputs, K: r, alpha: config.scale, beta: 1)
    }

    /// Accumulates dA, dB and dinp (T, in) from dout (the fused output gradient, rows of
    /// `rowStride`); `du` is scratch (T, r).
    func backward(
        _ dinp: UnsafeMutablePointer<Float>, _ du: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>,
        _ inp: UnsafePointer<Float>, _ u: UnsafePointer<Float>, layer: Int, index: Int, T: Int,
        mask: UnsafePointer<Float>? = nil, scratch: UnsafeMutablePointer<Float>? = nil
    ) {
        let g = config.targets[index].geometry(shape)
        let r = config.rank
        let o = offsets[layer][index]
        let dy = dout + g.rowOffset
        if let mask, let scratch {
            // The branch saw x ⊙ mask: dA takes that input, and dx passes back through the mask.
            for i in 0..<(T * g.inputs) { scratch[i] = inp[i] * mask[i] }
            gemm(
                gradients.pointer + o.b, ldc: r, dy, lda: g.rowStride, transposeA: true, u, ldb: r, M: g.outputs, N: r, K: T,
                alpha: config.scale, beta: 1)
            gemm(
                du, ldc: r, dy, lda: g.rowStride, parameters.pointer + o.b, ldb: r, M: T, N: r, K: g.outputs,
                alpha: config.scale, beta: 0)
            gemm(
                gradients.pointer + o.a, ldc: g.inputs, du, lda: r, transposeA: true, scratch, ldb: g.inputs, M: r, N: g.inputs,
                K: T, beta: 1)
            gemm(scratch, ldc: g.inputs, du, lda: r, parameters.pointer + o.a, ldb: g.inputs, M: T, N: g.inputs, K: r, beta: 0)
            for i in 0..<(T * g.inputs) { dinp[i] += scratch[i] * mask[i] }
            return
        }
        // dB (out, r) += scale · dyᵀ · u
        gemm(
            gradients.pointer + o.b, ldc: r, dy, lda: g.rowStride, transposeA: true, u, ldb: r, M: g.outputs, N: r, K: T,
            alpha: config.scale, beta: 1)
        // du (T, r) = scale · dy · B
        gemm(
            du, ldc: r, dy, lda: g.rowStride, parameters.pointer + o.b, ldb: r, M: T, N: r, K: g.outputs, alpha: config.scale,
            beta: 0)
        // dA (r, in) += duᵀ · inp
        gemm(
            gradients.pointer + o.a, ldc: g.inputs, du, lda: r, transposeA: true, inp, ldb: g.inputs, M: r, N: g.inputs, K: T,
            beta: 1)
        // dinp (T, in) += du · A
        gemm(dinp, ldc: g.inputs, du, lda: r, parameters.pointer + o.a, ldb: g.inputs, M: T, N: g.inputs, K: r, beta: 1)
    }
}
