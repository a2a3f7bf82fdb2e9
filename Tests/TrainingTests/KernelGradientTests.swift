import Foundation
import Policy
import Testing

@testable import Training

/// Each backward kernel against central differences of its forward kernel, in fp32 with a step
/// of 1e-2 on inputs of order 1, for the scalar L = Σ r ⊙ out with a fixed random r.
/// Stated tolerance: worst relative error |a − n| / max(|a| + |n|, 1e-4) below 1e-2. Measured
/// worst: linear 5e-5, RMSNorm 4e-4, RoPE 4e-5 (llama) and 9e-6 (NeoX), attention 2.1e-3,
/// SwiGLU 3e-4.
@Suite("Kernel gradients by finite differences")
struct KernelGradientTests {
    static let tolerance = 1e-2
    static let step: Float = 1e-2

    static func random(_ n: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var rng = RandomSource(seed: seed)
        return (0..<n).map { _ in Float.random(in: -scale...scale, using: &rng) }
    }

    /// Central differences of L(x) = Σ r · f(x) for every entry of x, in Double.
    static func numeric(_ x: [Float], _ r: [Float], _ f: ([Float]) -> [Float]) -> [Double] {
        func loss(_ x: [Float]) -> Double { zip(f(x), r).reduce(0) { $0 + Double($1.0) * Double($1.1) } }
        return x.indices.map { i in
            var plus = x
            var minus = x
            plus[i] += step
            minus[i] -= step
            return (loss(plus) - loss(minus)) / Double(2 * step)
        }
    }

    static func check(_ analytic: [Float], _ numeric: [Double], _ what: String) {
        let worst = worstRelativeError(analytic.map(Double.init), numeric, floor: 1e-4)
        #expect(worst < tolerance, "\(what): worst relative error \(worst)")
    }

    @Test("linear with bias: input, weight and bias")
    func linear() {
        let (T, C, OC) = (3, 5, 4)
        let x = Self.random(T * C, seed: 1), w = Self.random(OC * C, seed: 2), b = Self.random(OC, seed: 3)
        let r = Self.random(T * OC, seed: 4)
        func f(_ x: [Float], _ w: [Float], _ b: [Float]) -> [Float] {
            var out = [Float](repeating: 0, count: T * OC)
            linearForward(&out, x, w, b, T: T, C: C, OC: OC)
            return out
        }
        var dx = [Float](repeating: 0, count: T * C), dw = [Float](repeating: 0, count: OC * C)
        var db = [Float](repeating: 0, count: OC)
        linearBackward(&dx, &dw, &db, r, x, w, T: T, C: C, OC: OC)
        Self.check(dx, Self.numeric(x, r) { f($0, w, b) }, "dinput")
        Self.check(dw, Self.numeric(w, r) { f(x, $0, b) }, "dweight")
        Self.check(db, Self.numeric(b, r) { f(x, w, $0) }, "dbias")
    }

    @Test("RMSNorm: input and weight")
    func rmsnorm() {
        let (T, C) = (3, 16)
        let x = Self.random(T * C, seed: 5), w = Self.random(C, seed: 6), r = Self.random(T * C, seed: 7)
        func f(_ x: [Float], _ w: [Float]) -> [Float] {
            var out = [Float](repeating: 0, count: T * C)
            var rstd = [Float](repeating: 0, count: T)
            rmsnormForward(&out, &rstd, x, w, T: T, C: C, eps: 1e-5)
            return out
        }
        var out = [Float](repeating: 0, count: T * C), rstd = [Float](repeating: 0, count: T)
        rmsnormForward(&out, &rstd, x, w, T: T, C: C, eps: 1e-5)
        var dx = [Float](repeating: 0, count: T * C), dw = [Float](repeating: 0, count: C)
        rmsnormBackward(&dx, &dw, r, x, rstd, w, T: T, C: C)
        Self.check(dx, Self.numeric(x, r) { f($0, w) }, "dinput")
        Self.check(dw, Self.numeric(w, r) { f(x, $0) }, "dweight")
    }

    @Test("RoPE in both layouts", arguments: [false, true])
    func rope(neox: Bool) {
        let (T, heads, HS) = (4, 2, 8)
        let angles = RopeAngles(T: T, HS: HS, base: 10_000, scale: 1)
        let x = Self.random(T * heads * HS, seed: 8), r = Self.random(T * heads * HS, seed: 9)
        func f(_ x: [Float]) -> [Float] {
            var y = x
            ropeRotate(&y, rowStride: heads * HS, heads: heads, angles: angles, neox: neox, inverse: false, T: T)
            return y
        }
        var dx = r
        ropeRotate(&dx, rowStride: heads * HS, heads: heads, angles: angles, neox: neox, inverse: true, T: T)
        Self.check(dx, Self.numeric(x, r, f), neox ? "neox" : "adjacent pairs")
    }

    @Test("RoPE rotates the pairs Policy's inference rotates")
    func ropeLayoutMatchesPolicy() throws {
        // Position 1 of a one-head, HS = 4 vector: llama rotates (0,1) and (2,3), NeoX (0,2) and (1,3).
        let angles = RopeAngles(T: 2, HS: 4, base: 10_000, scale: 1)
        var adjacent: [Float] = [0, 0, 0, 0, 1, 0, 0, 0]
        ropeRotate(&adjacent, rowStride: 4, heads: 1, angles: angles, neox: false, inverse: false, T: 2)
        #expect(adjacent[5] != 0 && adjacent[6] == 0)
        var halves: [Float] = [0, 0, 0, 0, 1, 0, 0, 0]
        ropeRotate(&halves, rowStride: 4, heads: 1, angles: angles, neox: true, inverse: false, T: 2)
        #expect(halves[5] == 0 && halves[6] != 0)
    }

    @Test("causal grouped-query attention")
    func attention() {
        let (T, NH, KVH, HS) = (5, 4, 2, 4)
        let QKV = (NH + 2 * KVH) * HS
        let qkv = Self.random(T * QKV, seed: 10), r = Self.random(T * NH * HS, seed: 11)
        func f(_ qkv: [Float]) -> [Float] {
            var att = [Float](repeating: 0, count: T * NH * HS)
            var probs = [Float](repeating: 0, count: NH * T * T)
            attentionForward(&att, &probs, qkv, T: T, NH: NH, KVH: KVH, HS: HS)
            return att
        }
        var att = [Float](repeating: 0, count: T * NH * HS), probs = [Float](repeating: 0, count: NH * T * T)
        attentionForward(&att, &probs, qkv, T: T, NH: NH, KVH: KVH, HS: HS)
        var dqkv = [Float](repeating: 0, count: T * QKV), scratch = [Float](repeating: 0, count: T * T)
        attentionBackward(&dqkv, &scratch, r, probs, qkv, T: T, NH: NH, KVH: KVH, HS: HS)
        Self.check(dqkv, Self.numeric(qkv, r, f), "dqkv")
        // Causality: the first position's output depends on nothing later.
        var later = qkv
        for i in QKV..<(T * QKV) { later[i] += 1 }
        #expect(Array(f(later).prefix(NH * HS)) == Array(att.prefix(NH * HS)))
    }

    @Test("GEMM attention equals a naive loop reference (Double, per query and key)")
    func attentionReference() {
        let (T, NH, KVH, HS) = (6, 4, 2, 8)
        let (QD, KVD) = (NH * HS, KVH * HS)
        let QKV = QD + 2 * KVD
        let qkv = Self.random(T * QKV, seed: 15, scale: 2)
        var att = [Float](repeating: 0, count: T * QD), probs = [Float](repeating: 0, count: NH * T * T)
        attentionForward(&att, &probs, qkv, T: T, NH: NH, KVH: KVH, HS: HS)
        var worst = 0.0
        for t in 0..<T {
            for h in 0..<NH {
                let g = h / (NH / KVH)
                let scores = (0...t).map { j in
                    (0..<HS).reduce(0.0) { $0 + Double(qkv[t * QKV + h * HS + $1]) * Double(qkv[j * QKV + QD + g * HS + $1]) }
                        / Double(HS).squareRoot()
                }
                let m = scores.max()!
                let e = scores.map { exp($0 - m) }
                let sum = e.reduce(0, +)
                for i in 0..<HS {
                    let o = (0...t).reduce(0.0) { $0 + e[$1] / sum * Double(qkv[$1 * QKV + QD + KVD + g * HS + i]) }
                    worst = max(worst, abs(o - Double(att[t * QD + h * HS + i])))
                }
            }
        }
        #expect(worst < 1e-5, "worst difference \(worst)")
    }

    @Test("SwiGLU")
    func swiglu() {
        let (T, F) = (3, 8)
        let gateUp = Self.random(T * 2 * F, seed: 12, scale: 3), r = Self.random(T * F, seed: 13)
        func f(_ gu: [Float]) -> [Float] {
            var out = [Float](repeating: 0, count: T * F)
            swigluForward(&out, gu, T: T, F: F)
            return out
        }
        var d = [Float](repeating: 0, count: T * 2 * F)
        swigluBackward(&d, r, gateUp, T: T, F: F)
        Self.check(d, Self.numeric(gateUp, r, f), "dgateUp")
    }

    @Test("cross-entropy with a per-token weight (mask)")
    func crossEntropy() {
        let (T, V) = (3, 10)
        let logits = Self.random(T * V, seed: 14, scale: 4)
        let targets = [2, 7, 0]
        let weights: [Float] = [1, 0, 0.5]
        var d = [Float](repeating: 0, count: T * V)
        crossEntropyBackward(&d, logits, targets: targets, weights: weights, T: T, V: V)
        // L = Σ weight · loss, kept in Double (the per-row losses are Double already).
        func loss(_ x: [Float]) -> Double {
            var losses = [Double](repeating: 0, count: T)
            crossEntropyForward(&losses, x, targets: targets, T: T, V: V)
            return zip(losses, weights).reduce(0) { $0 + $1.0 * Double($1.1) }
        }
        let numeric = logits.indices.map { i in
            var plus = logits
            var minus = logits
            plus[i] += Self.step
            minus[i] -= Self.step
            return (loss(plus) - loss(minus)) / Double(2 * Self.step)
        }
        Self.check(d, numeric, "dlogits")
        #expect(d[V..<(2 * V)].allSatisfy { $0 == 0 }, "a masked row has no gradient")
    }
}
