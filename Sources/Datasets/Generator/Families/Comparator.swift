extension Family {
    /// Equality and ordering of two numbers, unsigned or two's complement.
    static let comparator = Family(
        name: "comparator", summary: "W-bit magnitude comparator (eq/lt/gt), unsigned or signed"
    ) { difficulty, rng in
        let width = difficulty.pick(rng.pick([2, 4]), rng.pick([8, 12]), rng.pick([16, 32]))
        let signed = difficulty != .easy && rng.chance(1, in: 2)
        let reading = signed ? "two's-complement signed" : "unsigned"
        let text = rng.pick([
            "Compare the \(width)-bit \(reading) numbers a and b. Set `eq` when they are equal, `lt` when a < b and `gt` when a > b.",
            "Implement a \(width)-bit magnitude comparator for \(reading) operands with outputs eq (a == b), lt (a < b) and gt (a > b).",
            "Exactly one of eq, lt and gt is 1: it tells whether a is equal to, less than or greater than b, with a and b read as \(reading) \(width)-bit numbers.",
        ])
        let (x, y) = signed ? ("$signed(a)", "$signed(b)") : ("a", "b")
        let body = "  assign eq = a == b;\n  assign lt = \(x) < \(y);\n  assign gt = \(x) > \(y);"
        let circuit = Circuit(
            inputs: [.input("a", width: width, "first number"), .input("b", width: width, "second number")],
            outputs: [.output("eq", "a == b"), .output("lt", "a < b"), .output("gt", "a > b")],
            body: body,
            behaviour: .combinational { v in
                let (a, b) =
                    signed ? (Bits.signed(v[0], width: width), Bits.signed(v[1], width: width)) : (Int64(v[0]), Int64(v[1]))
                return [a == b ? 1 : 0, a < b ? 1 : 0, a > b ? 1 : 0]
            })
        return Design(circuit: circuit, behaviourText: text)
    }
}
