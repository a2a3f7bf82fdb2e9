// Element-wise kernels: normalisation, activation, softmax. SIMD8 lanes written as scalar lane
// loops vectorize (LLVM's SLP pass); the generic SIMD conversions and pointwiseMin/Max of the
// standard library are not inlined, so they are avoided here.

/// out (B, C) = inp / rms(inp) * weight, per row.
///
/// The squares are summed in double, as llama.cpp does: its normalised activations are then the
/// same to the bit, and the 8-bit codes the next product rounds them to agree with its codes.
func rmsnorm(
    _ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, B: Int, C: Int, eps: Float
) {
    for b in 0..<B {
        let x = inp + b * C
        let y = out + b * C
        var ss: Double = 0
        for i in 0..<C { ss += Double(x[i] * x[i]) }
        let scale = 1 / (Float(ss / Double(C)) + eps).squareRoot()
        for i in 0..<C { y[i] = x[i] * scale * weight[i] }
    }
}

/// e^x on 8 lanes: Cody-Waite range reduction to r in [-ln2/2, ln2/2] and Cephes' degree-6
/// polynomial, within 2 ulp of expf over the clamped range (underflow gives 0-ish, not
/// subnormals). Softmax and SiLU call exp tens of millions of times per long prompt.
@inline(__always)
func exp8(_ v: SIMD8<Float>) -> SIMD8<Float> {
    var x = v
    for j in 0..<8 { x[j] = min(max(v[j], -87.3), 88.3) }
    let magic = SIMD8<Float>(repeating: 12_582_912)  // 1.5 * 2^23: adding it rounds to an integer
    let t = x * 1.442_695_04 + magic
    let n = t - magic
    let r = x - n * 0.693_359_375 - n * -2.121_944_4e-4
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    p = p * (r * r) + r + 1
    let k = unsafeBitCast(t, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
    return p * unsafeBitCast((k &+ 127) &<< 23, to: SIMD8<Float>.self)
}

/// e^x through `exp8` (tests compare it with expf).
func fastExp(_ x: Float) -> Float { exp8(SIMD8(repeating: x))[0] }

@inline(__always)
func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self) }

@inline(__always)
func store8(_ p: UnsafeMutablePointer<Float>, _ v: SIMD8<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}

/// out (B, F) = silu(gate) * up, with gate and up stacked per row: gateUp (B, 2F).
func swiglu(_ out: UnsafeMutablePointer<Float>, _ gateUp: UnsafePointer<Float>, B: Int, F: Int) {
    for b in 0..<B {
        let g = gateUp + b * 2 * F
        let u = g + F
        let y = out + b * F
        var i = 0
        while i + 8 <= F {
            let gv = load8(g + i)
            store8(y + i, gv / (1 + exp8(-gv)) * load8(u + i))
            i += 8
        }
        while i < F {
            y[i] = g[i] / (1 + fastExp(-g[i])) * u[i]
            i += 1
        }
    }
}

/// In-place softmax over n values.
func softmax(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
    var maxValue = -Float.infinity
    for i in 0..<n where x[i] > maxValue { maxValue = x[i] }
    var sum: Float = 0
    var i = 0
    var sums = SIMD8<Float>()
    while i + 8 <= n {
        let e = exp8(load8(x + i) - maxValue)
        store8(x + i, e)
        sums += e
        i += 8
    }
    while i < n {
        x[i] = fastExp(x[i] - maxValue)
        sum += x[i]
        i += 1
    }
    let inv = 1 / (sum + sums.sum())
    for i in 0..<n { x[i] *= inv }
}
