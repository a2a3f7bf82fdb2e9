import Foundation

// SwiGLU: h = silu(g) · u with silu(g) = g · σ(g); gate and up stacked per row, gateUp (T, 2F).

/// out (T, F) = silu(gate) ⊙ up.
func swigluForward(_ out: UnsafeMutablePointer<Float>, _ gateUp: UnsafePointer<Float>, T: Int, F: Int) {
    for t in 0..<T {
        let g = gateUp + t * 2 * F
        let u = g + F
        let y = out + t * F
        for i in 0..<F { y[i] = g[i] / (1 + expf(-g[i])) * u[i] }
    }
}

/// dgateUp (T, 2F) = ∂L/∂(gate, up) from dout (T, F), overwritten (not accumulated: it is a
/// scratch buffer of the backward pass). silu'(g) = σ(g) · (1 + g · (1 − σ(g))).
func swigluBackward(
    _ dgateUp: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>, _ gateUp: UnsafePointer<Float>, T: Int, F: Int
) {
    for t in 0..<T {
        let g = gateUp + t * 2 * F
        let u = g + F
        let dy = dout + t * F
        let dg = dgateUp + t * 2 * F
        let du = dg + F
        for i in 0..<F {
            let sigma = 1 / (1 + expf(-g[i]))
            let silu = g[i] * sigma
            du[i] = dy[i] * silu
            dg[i] = dy[i] * u[i] * sigma * (1 + g[i] * (1 - sigma))
        }
    }
}
