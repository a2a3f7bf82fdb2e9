extension Family {
    /// Adders and subtractors of a given width: with carry in/out, with borrow, or add/subtract
    /// selected by an input with a signed-overflow flag.
    static let adder = Family(
        name: "adder", summary: "W-bit adder with carry, subtractor with borrow, or add/sub unit with overflow"
    ) { difficulty, rng in
        let width = difficulty.pick(rng.pick([4, 8]), rng.pick([8, 12, 16]), rng.pick([16, 24, 32]))
        let variant = difficulty == .easy ? rng.pick([0, 1]) : rng.pick([0, 1, 2])
        let mask = Bits.mask(width)
        let operands: [Port] = [.input("a", width: width, "first operand"), .input("b", width: width, "second operand")]
        switch variant {
        case 0:
            let text = rng.pick([
                "Add the \(width)-bit unsigned numbers a and b and the carry input cin. `sum` is the low \(width) bits of the result and `cout` the carry out.",
                "Implement a \(width)-bit binary adder with carry-in `cin` and carry-out `cout`: {cout, sum} = a + b + cin.",
            ])
            let circuit = Circuit(
                inputs: operands + [.input("cin", "carry in")],
                outputs: [.output("sum", width: width, "a + b + cin, modulo 2^\(width)"), .output("cout", "carry out")],
                body: "  assign {cout, sum} = a + b + cin;",
                behaviour: .combinational { v in
                    let total = v[0] + v[1] + v[2]
                    return [total & mask, total >> UInt64(width)]
                })
            return Design(circuit: circuit, behaviourText: text)
        case 1:
            let text = rng.pick([
                "Subtract the \(width)-bit unsigned number b from a. `diff` is a - b modulo 2^\(width), and `borrow` is 1 when b is greater than a.",
                "Implement a \(width)-bit subtractor: diff = a - b (wrapping around), borrow = 1 exactly when a < b (unsigned).",
            ])
            let circuit = Circuit(
                inputs: operands,
                outputs: [.output("diff", width: width, "a - b, modulo 2^\(width)"), .output("borrow", "1 when a < b")],
                body: "  assign {borrow, diff} = {1'b0, a} - {1'b0, b};",
                behaviour: .combinational { v in [(v[0] &- v[1]) & mask, v[0] < v[1] ? 1 : 0] })
            return Design(circuit: circuit, behaviourText: text)
        default:
            let text =
                rng.pick([
                    "Build a \(width)-bit adder/subtractor. When `sub` is 0, result = a + b; when `sub` is 1, result = a - b (both modulo 2^\(width)).",
                    "`result` is a + b if `sub` is 0 and a - b if `sub` is 1, keeping the low \(width) bits.",
                ])
                + " `overflow` is 1 when the operation overflows if a, b and result are read as two's-complement signed numbers."
            let top = width - 1
            let body = """
                  assign result = sub ? a - b : a + b;
                  assign overflow = sub ? (a[\(top)] != b[\(top)]) && (result[\(top)] != a[\(top)])
                                        : (a[\(top)] == b[\(top)]) && (result[\(top)] != a[\(top)]);
                """
            let circuit = Circuit(
                inputs: operands + [.input("sub", "0 adds, 1 subtracts")],
                outputs: [
                    .output("result", width: width, "the sum or difference"), .output("overflow", "signed overflow"),
                ],
                body: body,
                behaviour: .combinational { v in
                    let (a, b) = (Bits.signed(v[0], width: width), Bits.signed(v[1], width: width))
                    let exact = v[2] == 1 ? a - b : a + b
                    let limit = Int64(1) << Int64(width - 1)
                    let result = UInt64(bitPattern: exact) & mask
                    return [result, exact >= limit || exact < -limit ? 1 : 0]
                })
            return Design(circuit: circuit, behaviourText: text)
        }
    }
}
