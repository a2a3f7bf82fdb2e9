import Verilog

/// Partial credit for a design that compiles but fails: how much its structure resembles the
/// reference's, from the lexer's tokens rather than raw text, so comments, strings and names do
/// not count. Compares three profiles and averages them:
/// - the interface: port names with their directions;
/// - control structure: process kinds, edges, branches, loops, assignments (a multiset);
/// - operators (a multiset).
public enum StructuralSimilarity {
    static let controlWords: Set<String> = [
        "always", "always_ff", "always_comb", "always_latch", "initial", "assign", "posedge", "negedge",
        "if", "else", "case", "casez", "casex", "default", "for", "while", "repeat", "generate", "genvar",
        "function", "task", "reg", "wire", "logic", "integer", "parameter", "localparam", "module",
    ]
    static let operators: Set<String> = [
        "+", "-", "*", "/", "%", "**", "&", "|", "^", "~", "~&", "~|", "~^", "^~", "!", "&&", "||",
        "==", "!=", "===", "!==", "<", ">", "<=", ">=", "<<", ">>", "<<<", ">>>", "?", "{", "+:", "-:",
    ]

    /// A structural profile of one design.
    public struct Profile: Sendable, Hashable {
        public var ports: Set<String>
        public var control: [String: Int]
        public var operators: [String: Int]
    }

    public static func profile(_ source: String) -> Profile {
        let tokens = Lexer().tokens(source)
        var ports: Set<String> = []
        var control: [String: Int] = [:]
        var ops: [String: Int] = [:]
        var direction: String?
        for t in tokens {
            switch t.kind {
            case .identifier:
                if ["input", "output", "inout"].contains(t.text) { direction = t.text; continue }
                if controlWords.contains(t.text) {
                    control[t.text, default: 0] += 1
                } else if let d = direction, !["reg", "wire", "logic", "signed", "unsigned"].contains(t.text) {
                    ports.insert(d + " " + t.text)
                }
            case .symbol:
                if t.text == ";" || t.text == ")" { direction = nil }
                if operators.contains(t.text) { ops[t.text, default: 0] += 1 }
            default:
                break
            }
        }
        return Profile(ports: ports, control: control, operators: ops)
    }

    /// Similarity in 0...1 (1 for identical structure).
    public static func score(candidate: String, reference: String) -> Double {
        let a = profile(candidate)
        let b = profile(reference)
        return (jaccard(a.ports, b.ports) + weightedJaccard(a.control, b.control) + weightedJaccard(a.operators, b.operators)) / 3
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    /// Sum of minimum counts over sum of maximum counts.
    static func weightedJaccard(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let keys = Set(a.keys).union(b.keys)
        if keys.isEmpty { return 1 }
        var low = 0, high = 0
        for k in keys {
            low += min(a[k, default: 0], b[k, default: 0])
            high += max(a[k, default: 0], b[k, default: 0])
        }
        return Double(low) / Double(high)
    }
}
