extension Family {
    /// A pipeline with a valid bit: stage 1 computes an operation of a and b, later stages
    /// delay it, so the result appears D cycles after its inputs.
    static let pipeline = Family(
        name: "pipeline", summary: "D-stage pipeline (D = 1..4) with a valid bit around one arithmetic or logic operation"
    ) { difficulty, rng in
        let stages = difficulty.pick(
            Int.random(in: 1...2, using: &rng), Int.random(in: 2...3, using: &rng), Int.random(in: 3...4, using: &rng))
        let width = difficulty.pick(4, 8, rng.pick([8, 16]))
        let reset = rng.pick(ResetStyle.allCases)
        let mask = Bits.mask(width)
        let operations: [(text: String, verilog: String, apply: @Sendable (UInt64, UInt64) -> UInt64)] = [
            ("a + b", "a + b", { $0 &+ $1 }), ("a - b", "a - b", { $0 &- $1 }), ("a & b", "a & b", { $0 & $1 }),
            ("a | b", "a | b", { $0 | $1 }), ("a ^ b", "a ^ b", { $0 ^ $1 }),
        ]
        let op = operations[Int.random(in: 0..<operations.count, using: &rng)]
        let apply = op.apply
        var text = rng.pick([
            "Build a \(stages)-stage pipeline that computes y = \(op.text) on \(width)-bit operands (keeping the low \(width) bits).",
            "Implement a pipelined unit: y is \(op.text) (modulo 2^\(width)) of the operands presented \(stages) clock cycle(s) earlier.",
        ])
        text +=
            " Each rising clock edge moves every stage forward: the first stage registers \(op.text) and in_valid,"
            + " and each later stage copies the one before it. `y` and `out_valid` are the last stage's registers, so a"
            + " result and its in_valid appear \(stages) cycle(s) after the inputs. Reset clears every stage (data and valid) to 0."
        var body = ""
        for s in 1...stages {
            body += "  reg [\(width - 1):0] data\(s);\n  reg valid\(s);\n"
        }
        body += "  always @(\(reset.sensitivity)) begin\n    if (\(reset.condition)) begin\n"
        for s in 1...stages { body += "      data\(s) <= \(width)'d0;\n      valid\(s) <= 1'b0;\n" }
        body += "    end else begin\n      data1 <= \(op.verilog);\n      valid1 <= in_valid;\n"
        if stages > 1 {
            for s in 2...stages { body += "      data\(s) <= data\(s - 1);\n      valid\(s) <= valid\(s - 1);\n" }
        }
        body += "    end\n  end\n  assign y = data\(stages);\n  assign out_valid = valid\(stages);"
        // State: data1...dataD, then valid1...validD.
        let circuit = Circuit(
            inputs: [
                .input("a", width: width, "first operand"), .input("b", width: width, "second operand"),
                .input("in_valid", "marks the operands as valid"),
            ],
            outputs: [.output("y", width: width, "the result"), .output("out_valid", "in_valid, delayed with the result")],
            reset: reset,
            body: body,
            behaviour: Behaviour(
                resetState: Array(repeating: 0, count: 2 * stages),
                outputs: { s, _ in [s[stages - 1], s[2 * stages - 1]] },
                next: { s, v in
                    let data = [apply(v[0], v[1]) & mask] + s[0..<stages - 1]
                    let valid = [v[2]] + s[stages..<2 * stages - 1]
                    return data + valid
                }))
        return Design(circuit: circuit, behaviourText: text)
    }
}
