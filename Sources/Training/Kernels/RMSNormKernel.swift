// RMSNorm: y = x · r · w with r = 1 / sqrt(mean(x²) + eps), per row of C channels.

/// out (T, C) and rstd (T) (the r of each row, kept for the backward pass).
func rmsnormForward(
    _ out: UnsafeMutablePointer<Float>, _ rstd: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>,
    _ weight: UnsafePointer<Float>, T: Int, C: Int, eps: Float
) {
    for t in 0..<T {
        let x = inp + t * C
        let y = out + t * C
        var ss: Float = 0
        for i in 0..<C { ss += x[i] * x[i] }
        let r = 1 / (ss / Float(C) + eps).squareRoot()
        rstd[t] = r
        for i in 0..<C { y[i] = x[i] * r * weight[i] }
    }
}

/// dinp (T, C) += ∂L/∂x and dweight (C) += ∂L/∂w (when given) from dout (T, C).
/// With g = w ⊙ dy: dx = r·g − (r³/C)·(Σ g·x)·x, since ∂r/∂x_j = −r³ x_j / C.
func rmsnormBackward(
    _ dinp: UnsafeMutablePointer<Float>, _ dweight: UnsafeMutablePointer<Float>?, _ dout: UnsafePointer<Float>,
    _ inp: UnsafePointer<Float>, _ rstd: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, T: Int, C: Int
) {
    for t in 0..<T {
        let x = inp + t * C
        let dy = dout + t * C
        let dx = dinp + t * C
        let r = rstd[t]
        var dot: Float = 0
        for i in 0..<C { dot += weight[i] * dy[i] * x[i] }
        let k = r * r * r * dot / Float(C)
        for i in 0..<C { dx[i] += r * weight[i] * dy[i] - k * x[i] }
        if let dweight {
            for i in 0..<C { dweight[i] += dy[i] * x[i] * r }
        }
    }
}
