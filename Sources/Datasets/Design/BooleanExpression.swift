/// A Boolean formula over 1-bit variables: evaluated in Swift for the model and rendered as
/// Verilog for the reference and as words or operators for the spec.
indirect enum BooleanExpression: Sendable {
    case variable(Int)
    case not(BooleanExpression)
    case and(BooleanExpression, BooleanExpression)
    case or(BooleanExpression, BooleanExpression)
    case xor(BooleanExpression, BooleanExpression)

    func evaluate(_ values: [Bool]) -> Bool {
        switch self {
        case .variable(let i): values[i]
        case .not(let e): !e.evaluate(values)
        case .and(let l, let r): l.evaluate(values) && r.evaluate(values)
        case .or(let l, let r): l.evaluate(values) || r.evaluate(values)
        case .xor(let l, let r): l.evaluate(values) != r.evaluate(values)
        }
    }

    /// Fully parenthesised, so precedence never matters.
    func verilog(_ names: [String]) -> String {
        switch self {
        case .variable(let i): names[i]
        case .not(let e): "~" + e.verilog(names)
        case .and(let l, let r): "(\(l.verilog(names)) & \(r.verilog(names)))"
        case .or(let l, let r): "(\(l.verilog(names)) | \(r.verilog(names)))"
        case .xor(let l, let r): "(\(l.verilog(names)) ^ \(r.verilog(names)))"
        }
    }

    func words(_ names: [String]) -> String {
        switch self {
        case .variable(let i): names[i]
        case .not(let e): "NOT " + e.words(names)
        case .and(let l, let r): "(\(l.words(names)) AND \(r.words(names)))"
        case .or(let l, let r): "(\(l.words(names)) OR \(r.words(names)))"
        case .xor(let l, let r): "(\(l.words(names)) XOR \(r.words(names)))"
        }
    }

    /// A random formula of at most `depth` levels that uses variables from `0..<variables`.
    static func random(variables: Int, depth: Int, rng: inout SplitMix64) -> BooleanExpression {
        if depth == 0 || rng.chance(1, in: 5) {
            let leaf = BooleanExpression.variable(Int.random(in: 0..<variables, using: &rng))
            return rng.chance(1, in: 4) ? .not(leaf) : leaf
        }
        let l = random(variables: variables, depth: depth - 1, rng: &rng)
        let r = random(variables: variables, depth: depth - 1, rng: &rng)
        let node: BooleanExpression =
            switch Int.random(in: 0..<5, using: &rng) {
            case 0, 1: .and(l, r)
            case 2, 3: .or(l, r)
            default: .xor(l, r)
            }
        return rng.chance(1, in: 6) ? .not(node) : node
    }
}
